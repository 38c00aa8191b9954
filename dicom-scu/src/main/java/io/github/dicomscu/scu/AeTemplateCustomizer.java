package io.github.dicomscu.scu;

/**
 * Callback to change an {@link AeTemplate} before it is built, for example after a Spring
 * Boot application applied its configuration properties: add presentation contexts one by
 * one, replace them all, change those of one remote, or change any other setting of the
 * builder. Customizers run in {@link org.springframework.core.Ordered order}; the limit
 * of 128 contexts per association applies to the result, customizers included.
 * <p>
 * For example, to propose two more contexts and give the remote {@code archive} only
 * Verification: <pre class="code">
 * &#64;Bean
 * AeTemplateCustomizer extraContexts() {
 * 	return (builder) -&gt; {
 * 		builder.requestedContexts().add("CTImageStorage", "JPEG2000Lossless", "ExplicitVRLittleEndian");
 * 		builder.requestedContexts().add("MRImageStorage");
 * 		builder.requestedContexts("archive")
 * 			.setAll(List.of(PresentationContext.of("Verification")), "extraContexts");
 * 	};
 * }
 * </pre>
 */
@FunctionalInterface
public interface AeTemplateCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder to change
	 */
	void customize(AeTemplate.Builder builder);

}
