package io.github.dicomscu.data;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TransferSyntax}.
 */
class TransferSyntaxTests {

	@Test
	void uncompressedTransferSyntaxes() {
		assertThat(TransferSyntax.of("1.2.840.10008.1.2")).isSameAs(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
		assertThat(TransferSyntax.of("1.2.840.10008.1.2.1")).isSameAs(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		assertThat(TransferSyntax.of("1.2.840.10008.1.2.2")).isSameAs(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
		assertThat(TransferSyntax.of("1.2.840.10008.1.2.1.99"))
			.isSameAs(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		assertThat(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.isExplicitVr()).isFalse();
		assertThat(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.isBigEndian()).isTrue();
		assertThat(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
		assertThat(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.isBigEndian()).isFalse();
		assertThat(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.isDeflated()).isTrue();
		assertThat(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.isExplicitVr()).isTrue();
		assertThat(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.isEncapsulated()).isFalse();
	}

	@Test
	void acceptsKeywords() {
		assertThat(TransferSyntax.of("ExplicitVRBigEndian")).isSameAs(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
		assertThat(TransferSyntax.of("JPEG2000Lossless").uid()).isEqualTo("1.2.840.10008.1.2.4.90");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
			"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.201",
			"1.2.840.10008.1.2.5", "1.2.840.10008.1.2.1.98" })
	void compressedSyntaxesAreExplicitLittleEndianWithEncapsulatedPixelData(String uid) {
		TransferSyntax transferSyntax = TransferSyntax.of(uid);
		assertThat(transferSyntax.isEncapsulated()).isTrue();
		assertThat(transferSyntax.isExplicitVr()).isTrue();
		assertThat(transferSyntax.isBigEndian()).isFalse();
		assertThat(transferSyntax.isDeflated()).isFalse();
	}

	@Test
	void jpipReferencedSyntaxesHaveNoPixelData() {
		assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.94").isEncapsulated()).isFalse();
		TransferSyntax deflate = TransferSyntax.of("1.2.840.10008.1.2.4.95");
		assertThat(deflate.isDeflated()).isTrue();
		assertThat(deflate.isEncapsulated()).isFalse();
	}

	@Test
	void rejectsWhatIsNotATransferSyntaxForDataSets() {
		assertThatIllegalArgumentException().isThrownBy(() -> TransferSyntax.of("1.2.840.10008.1.2.6.2"))
			.withMessage("Unsupported transfer syntax 1.2.840.10008.1.2.6.2 (XML Encoding): "
					+ "not a standard transfer syntax for encoding data sets");
		assertThatIllegalArgumentException().isThrownBy(() -> TransferSyntax.of("1.2.3.4"))
			.withMessageStartingWith("Unsupported transfer syntax 1.2.3.4 (1.2.3.4)");
		assertThatIllegalArgumentException().isThrownBy(() -> TransferSyntax.of("ExplicitVRBigEndain"));
	}

	@Test
	void equalByUid() {
		assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.50")).isEqualTo(TransferSyntax.of("JPEGBaseline8Bit"))
			.hasSameHashCodeAs(TransferSyntax.of("1.2.840.10008.1.2.4.50"))
			.hasToString("JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50)");
		assertThat(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.name()).isEqualTo("Explicit VR Little Endian");
	}

}
