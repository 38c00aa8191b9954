package io.github.dicomscu.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.dicomscu.autoconfigure.DicomScuProperties.RemoteSsl;
import io.github.dicomscu.autoconfigure.DicomScuProperties.ScpSsl;
import io.github.dicomscu.net.association.TlsSettings;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeTemplate;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * Maps the {@code ssl} properties of the remotes and of the storage SCP onto TLS settings
 * taken from Spring SSL bundles: the bundle's protocols and cipher suites, when it names
 * any, replace the BCP 195 defaults, and a bundle update replaces the settings used by
 * the next association. A bundle that does not exist is an invalid value.
 */
final class TlsBundles {

	private static final String MISSING_BUNDLE_ACTION = "Define the bundle under spring.ssl.bundle.jks.<name> or "
			+ "spring.ssl.bundle.pem.<name>, or correct its name.";

	private static final String TLS_OPTIONS_ACTION = "Enable protocols and cipher suites the JVM supports in the "
			+ "bundle's options, or none for the BCP 195 defaults.";

	private final SslBundles bundles;

	TlsBundles(SslBundles bundles) {
		this.bundles = bundles;
	}

	/**
	 * Secure the remotes whose {@code ssl} properties ask for it.
	 * @param properties the properties
	 * @param builder the template builder, its remotes added
	 */
	void configure(DicomScuProperties properties, AeTemplate.Builder builder) {
		InvalidValues invalid = new InvalidValues();
		properties.getRemotes().forEach((name, remote) -> {
			RemoteSsl ssl = remote.getSsl();
			String prefix = AeTemplateBuilderConfigurer.PREFIX + ".remotes." + name + ".ssl";
			UnaryOperator<TlsSettings.Builder> options = (tls) -> tls.verifyHostname(ssl.isVerifyHostname());
			Supplier<TlsSettings> tls = null;
			if (ssl.getBundle() != null) {
				tls = bundle(prefix + ".bundle", ssl.getBundle(), options, invalid);
			}
			else if (ssl.isEnabled()) {
				TlsSettings settings = invalid.map(prefix + ".enabled", true,
						() -> options.apply(TlsSettings.jvmDefault()).build(), TLS_OPTIONS_ACTION);
				tls = (settings != null) ? () -> settings : null;
			}
			if (tls != null && builder.remotes().containsKey(name)) {
				builder.tls(name, tls);
			}
		});
		invalid.throwIfAny();
	}

	/**
	 * Secure the storage SCP if its {@code ssl.bundle} is set.
	 * @param ssl the SCP's ssl properties
	 * @param builder the SCP builder
	 */
	void configure(ScpSsl ssl, DicomScp.Builder builder) {
		if (ssl.getBundle() == null) {
			return;
		}
		InvalidValues invalid = new InvalidValues();
		builder.tls(bundle(StorageScpBuilderConfigurer.PREFIX + ".ssl.bundle", ssl.getBundle(),
				(tls) -> tls.clientAuth(ssl.getClientAuth()), invalid));
		invalid.throwIfAny();
	}

	private Supplier<TlsSettings> bundle(String property, String name, UnaryOperator<TlsSettings.Builder> options,
			InvalidValues invalid) {
		SslBundle bundle;
		try {
			if (this.bundles == null) {
				throw new NoSuchSslBundleException(name, "No SSL bundles are configured");
			}
			bundle = this.bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			invalid.add(property, name, "there is no SSL bundle named '" + name + "'", MISSING_BUNDLE_ACTION, ex);
			return null;
		}
		TlsSettings initial = invalid.map(property, name, () -> settings(bundle, options), TLS_OPTIONS_ACTION);
		if (initial == null) {
			return null;
		}
		AtomicReference<TlsSettings> current = new AtomicReference<>(initial);
		this.bundles.addBundleUpdateHandler(name, (updated) -> current.set(settings(updated, options)));
		return current::get;
	}

	private static TlsSettings settings(SslBundle bundle, UnaryOperator<TlsSettings.Builder> options) {
		TlsSettings.Builder builder = TlsSettings.builder(bundle.createSslContext());
		SslOptions sslOptions = bundle.getOptions();
		if (sslOptions.getEnabledProtocols() != null) {
			builder.protocols(List.of(sslOptions.getEnabledProtocols()));
		}
		if (sslOptions.getCiphers() != null) {
			builder.cipherSuites(List.of(sslOptions.getCiphers()));
		}
		return options.apply(builder).build();
	}

}
