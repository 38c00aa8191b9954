package io.github.dicomscu.net.context;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.InvalidUidException;
import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.UnknownUidKeywordException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PresentationContext}.
 */
class PresentationContextTests {

	private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	@Test
	void defaultTransferSyntaxesInPynetdicomOrder() {
		assertThat(PresentationContext.DEFAULT_TRANSFER_SYNTAXES).containsExactly("1.2.840.10008.1.2",
				"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2");
	}

	@Test
	void ofAbstractSyntaxUsesDefaults() {
		PresentationContext context = PresentationContext.of("CTImageStorage");
		assertThat(context.abstractSyntax()).isEqualTo(CT_IMAGE_STORAGE);
		assertThat(context.transferSyntaxes()).isEqualTo(PresentationContext.DEFAULT_TRANSFER_SYNTAXES);
		assertThat(context.scuRole()).isNull();
		assertThat(context.scpRole()).isNull();
		assertThat(context.hasRoleSelection()).isFalse();
	}

	@Test
	void keywordAndUidFormsAreEqual() {
		PresentationContext byKeyword = PresentationContext.of("CTImageStorage", "ImplicitVRLittleEndian",
				"ExplicitVRLittleEndian");
		PresentationContext byUid = PresentationContext.of(CT_IMAGE_STORAGE, "1.2.840.10008.1.2",
				"1.2.840.10008.1.2.1");
		assertThat(byKeyword).isEqualTo(byUid).hasSameHashCodeAs(byUid);
		assertThat(byKeyword.transferSyntaxes()).containsExactly("1.2.840.10008.1.2", "1.2.840.10008.1.2.1");
	}

	@Test
	void singleTransferSyntaxIsOneItemList() {
		PresentationContext context = PresentationContext.of("CTImageStorage", "ExplicitVRLittleEndian");
		assertThat(context.transferSyntaxes()).containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN);
	}

	@Test
	void duplicateTransferSyntaxesAreDroppedKeepingFirst() {
		PresentationContext context = PresentationContext.of("CTImageStorage", "ExplicitVRLittleEndian",
				"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "ImplicitVRLittleEndian");
		assertThat(context.transferSyntaxes()).containsExactly(Uid.EXPLICIT_VR_LITTLE_ENDIAN,
				Uid.IMPLICIT_VR_LITTLE_ENDIAN);
	}

	@Test
	void emptyTransferSyntaxListFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> PresentationContext.of("CTImageStorage", List.of()))
			.withMessage("At least one transfer syntax is required for the presentation context of CT Image Storage, "
					+ "but the list is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> PresentationContext.of("CTImageStorage", new String[0]));
	}

	@Test
	void unknownUidIsKeptAndPrintedAsUid() {
		PresentationContext context = PresentationContext.of("1.2.3.4", "1.2.840.10008.1.2");
		assertThat(context.abstractSyntax()).isEqualTo("1.2.3.4");
		assertThat(context.toString())
			.isEqualTo("Abstract Syntax: 1.2.3.4\nTransfer Syntax(es):\n=Implicit VR Little Endian");
	}

	@Test
	void unknownKeywordSuggestsClosest() {
		assertThatExceptionOfType(UnknownUidKeywordException.class)
			.isThrownBy(() -> PresentationContext.of("CTImageStorag"))
			.withMessage("Unknown UID keyword 'CTImageStorag'; did you mean 'CTImageStorage'?");
		assertThatExceptionOfType(UnknownUidKeywordException.class)
			.isThrownBy(() -> PresentationContext.of("CTImageStorage", "ExplicitVRLittleEndain"))
			.withMessage("Unknown UID keyword 'ExplicitVRLittleEndain'; did you mean 'ExplicitVRLittleEndian'?");
	}

	@Test
	void invalidUidFails() {
		assertThatExceptionOfType(InvalidUidException.class)
			.isThrownBy(() -> PresentationContext.of("CTImageStorage", "1.2.840.10008.1..2"))
			.withMessage("Invalid UID '1.2.840.10008.1..2': component 6 is empty (two consecutive dots)");
	}

	@Test
	void nullsFail() {
		assertThatIllegalArgumentException().isThrownBy(() -> PresentationContext.of(null))
			.withMessage("Abstract syntax must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PresentationContext.of("CTImageStorage", "ImplicitVRLittleEndian", null))
			.withMessage("Transfer syntax must not be null");
	}

	@Test
	void toStringMatchesPynetdicomPrintout() {
		PresentationContext context = PresentationContext.of("CTImageStorage", "ImplicitVRLittleEndian",
				"ExplicitVRLittleEndian");
		assertThat(context.toString()).isEqualTo("""
				Abstract Syntax: CT Image Storage
				Transfer Syntax(es):
				=Implicit VR Little Endian
				=Explicit VR Little Endian""");
	}

	@Test
	void withRolesReturnsCopy() {
		PresentationContext context = PresentationContext.of("CTImageStorage", "ImplicitVRLittleEndian");
		PresentationContext withRoles = context.withRoles(false, true);
		assertThat(context.hasRoleSelection()).isFalse();
		assertThat(withRoles.scuRole()).isFalse();
		assertThat(withRoles.scpRole()).isTrue();
		assertThat(withRoles).isNotEqualTo(context);
		assertThat(withRoles.withRoles(null, null)).isEqualTo(context);
		assertThat(withRoles.toString()).endsWith("\n=Implicit VR Little Endian\nSCU Role: false\nSCP Role: true");
	}

	@Test
	void transferSyntaxesAreUnmodifiable() {
		PresentationContext context = PresentationContext.of("CTImageStorage", "ImplicitVRLittleEndian");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> context.transferSyntaxes().add("1.2.3"));
	}

}
