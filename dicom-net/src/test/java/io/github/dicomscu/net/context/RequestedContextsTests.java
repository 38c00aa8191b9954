package io.github.dicomscu.net.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.data.Uid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequestedContexts}.
 */
class RequestedContextsTests {

	private final RequestedContexts requested = new RequestedContexts();

	@Test
	void storagePlusEightIsTheMaximum() {
		this.requested.addAll(ContextSet.STORAGE);
		for (int i = 0; i < 8; i++) {
			this.requested.add(PresentationContext.of("1.2.3." + i), "dicom.scu.contexts[" + i + "]");
		}
		assertThat(this.requested.size()).isEqualTo(RequestedContexts.MAXIMUM);
		RequestedContexts.checkCount(this.requested.toList(), "association");
	}

	@Test
	void storagePlusNineFailsOnAdd() {
		this.requested.addAll(ContextSet.STORAGE);
		for (int i = 0; i < 8; i++) {
			this.requested.add(PresentationContext.of("1.2.3." + i), "dicom.scu.contexts[" + i + "]");
		}
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> this.requested.add(PresentationContext.of("1.2.3.8"), "dicom.scu.contexts[8]"))
			.withMessage("129 presentation contexts requested, but an association can propose at most 128 "
					+ "(context IDs are the odd numbers 1-255): 120 from context set 'storage', "
					+ "9 from dicom.scu.contexts. Remove 1 or split them over several associations.")
			.satisfies((ex) -> {
				assertThat(ex.getRequested()).isEqualTo(129);
				assertThat(ex.getSources()).containsExactly(Map.entry("context set 'storage'", 120),
						Map.entry("dicom.scu.contexts", 9));
			});
		assertThat(this.requested.size()).isEqualTo(128);
	}

	@Test
	void addBeyondMaximumWithDefaultSource() {
		for (int i = 0; i < 128; i++) {
			this.requested.add("Verification");
		}
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> this.requested.add(PresentationContext.of("Verification")))
			.withMessage("129 presentation contexts requested, but an association can propose at most 128 "
					+ "(context IDs are the odd numbers 1-255): 129 from add(). "
					+ "Remove 1 or split them over several associations.");
	}

	@Test
	void duplicatesCountTowardTheLimit() {
		for (int i = 0; i < 128; i++) {
			this.requested.add(PresentationContext.of("Verification", "ImplicitVRLittleEndian"));
		}
		assertThat(this.requested.toList()).hasSize(128);
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> this.requested.add(PresentationContext.of("Verification", "ImplicitVRLittleEndian")));
	}

	@Test
	void storagePlusQueryRetrieveFailsOnSetAllAndNothingChanges() {
		this.requested.addAll(ContextSet.VERIFICATION);
		List<PresentationContext> contexts = new ArrayList<>(ContextSet.STORAGE.contexts());
		contexts.addAll(ContextSet.QUERY_RETRIEVE.contexts());
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> this.requested.setAll(contexts, "dicom.scu.contexts"))
			.withMessage("133 presentation contexts requested, but an association can propose at most 128 "
					+ "(context IDs are the odd numbers 1-255): 133 from dicom.scu.contexts. "
					+ "Remove 5 or split them over several associations.")
			.satisfies((ex) -> assertThat(ex.getRequested()).isEqualTo(133));
		assertThat(this.requested.toList()).containsExactly(PresentationContext.of(Uid.VERIFICATION));
	}

	@Test
	void storagePlusQueryRetrieveFailsOnAddAllAndNothingChanges() {
		this.requested.addAll(ContextSet.STORAGE);
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> this.requested.addAll(ContextSet.QUERY_RETRIEVE))
			.withMessageContaining("133 presentation contexts requested")
			.withMessageContaining(": 120 from context set 'storage', 13 from context set 'query-retrieve'. Remove 5 ");
		assertThat(this.requested.size()).isEqualTo(120);
	}

	@Test
	void allStorageAloneFails() {
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> this.requested.addAll(ContextSet.ALL_STORAGE))
			.withMessage("170 presentation contexts requested, but an association can propose at most 128 "
					+ "(context IDs are the odd numbers 1-255): 170 from context set 'all-storage'. "
					+ "Remove 42 or split them over several associations.");
		assertThat(this.requested.isEmpty()).isTrue();
	}

	@Test
	void checkCountFailsForTooManyContexts() {
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> RequestedContexts.checkCount(ContextSet.ALL_STORAGE.contexts(), "association request"))
			.withMessageContaining("170 from association request.")
			.satisfies((ex) -> assertThat(ex.getSources()).containsExactly(Map.entry("association request", 170)));
	}

	@Test
	void setAllReplacesTheList() {
		this.requested.addAll(ContextSet.STORAGE);
		this.requested.setAll(ContextSet.QUERY_RETRIEVE.contexts(), "context set 'query-retrieve'");
		assertThat(this.requested.toList()).isEqualTo(ContextSet.QUERY_RETRIEVE.contexts());
	}

	@Test
	void severalContextsForOneAbstractSyntaxKeepTheirOrder() {
		this.requested.add("CTImageStorage", "JPEGBaseline8Bit");
		this.requested.add("Verification");
		this.requested.add("CTImageStorage", "ExplicitVRLittleEndian");
		this.requested.add("CTImageStorage", "ImplicitVRLittleEndian");
		assertThat(this.requested.toList()).containsExactly(
				PresentationContext.of("CTImageStorage", "1.2.840.10008.1.2.4.50"),
				PresentationContext.of("Verification"),
				PresentationContext.of("CTImageStorage", Uid.EXPLICIT_VR_LITTLE_ENDIAN),
				PresentationContext.of("CTImageStorage", Uid.IMPLICIT_VR_LITTLE_ENDIAN));
	}

	@Test
	void addWithoutTransferSyntaxesUsesDefaults() {
		this.requested.add("CTImageStorage");
		assertThat(this.requested.toList().get(0).transferSyntaxes())
			.isEqualTo(PresentationContext.DEFAULT_TRANSFER_SYNTAXES);
	}

	@Test
	void removeWholeContexts() {
		this.requested.add("CTImageStorage", "JPEGBaseline8Bit");
		this.requested.add("Verification");
		this.requested.add("CTImageStorage");
		assertThat(this.requested.remove("CTImageStorage")).isTrue();
		assertThat(this.requested.toList()).containsExactly(PresentationContext.of("Verification"));
		assertThat(this.requested.remove("CTImageStorage")).isFalse();
	}

	@Test
	void removeTransferSyntaxes() {
		this.requested.add(PresentationContext.of("CTImageStorage").withRoles(true, true));
		this.requested.add("CTImageStorage", "ExplicitVRBigEndian");
		assertThat(this.requested.remove("CTImageStorage", "ExplicitVRBigEndian", "DeflatedExplicitVRLittleEndian"))
			.isTrue();
		assertThat(this.requested.toList()).containsExactly(
				PresentationContext.of("CTImageStorage", "ImplicitVRLittleEndian", "ExplicitVRLittleEndian")
					.withRoles(true, true));
		assertThat(this.requested.remove("CTImageStorage", "JPEGBaseline8Bit")).isFalse();
	}

	@Test
	void clearEmptiesTheList() {
		this.requested.addAll(ContextSet.STORAGE);
		this.requested.clear();
		assertThat(this.requested.isEmpty()).isTrue();
		this.requested.addAll(ContextSet.STORAGE);
		assertThat(this.requested.size()).isEqualTo(120);
	}

	@Test
	void toListIsAnUnmodifiableCopy() {
		this.requested.add("Verification");
		List<PresentationContext> list = this.requested.toList();
		this.requested.add("CTImageStorage");
		assertThat(list).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> list.add(PresentationContext.of("Verification")));
	}

	@Test
	void copyIsIndependentAndKeepsSources() {
		this.requested.addAll(ContextSet.STORAGE);
		RequestedContexts copy = this.requested.copy();
		for (int i = 0; i < 8; i++) {
			copy.add("Verification");
		}
		assertThat(this.requested.size()).isEqualTo(120);
		assertThatExceptionOfType(TooManyPresentationContextsException.class)
			.isThrownBy(() -> copy.add(PresentationContext.of(Uid.VERIFICATION), "health check"))
			.satisfies((ex) -> assertThat(ex.getSources()).containsExactly(Map.entry("context set 'storage'", 120),
					Map.entry("add()", 8), Map.entry("health check", 1)));
	}

	@Test
	void contextIdsAreOddNumbersUpTo255() {
		assertThat(RequestedContexts.contextId(0)).isEqualTo(1);
		assertThat(RequestedContexts.contextId(1)).isEqualTo(3);
		assertThat(RequestedContexts.contextId(127)).isEqualTo(255);
		for (int i = 0; i < RequestedContexts.MAXIMUM; i++) {
			assertThat(RequestedContexts.contextIndex(RequestedContexts.contextId(i))).isEqualTo(i);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RequestedContexts.contextId(128))
			.withMessage(
					"Presentation context index 128 is out of range 0-127 (context IDs are the odd numbers 1-255)");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestedContexts.contextId(-1));
	}

	@Test
	void invalidContextIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestedContexts.contextIndex(2))
			.withMessage("Presentation context ID 2 is invalid: context IDs are the odd numbers 1-255");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestedContexts.contextIndex(0));
		assertThatIllegalArgumentException().isThrownBy(() -> RequestedContexts.contextIndex(257));
	}

	@Test
	void nullArgumentsFail() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.requested.add((PresentationContext) null))
			.withMessage("Presentation context must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.requested.add(PresentationContext.of("Verification"), " "))
			.withMessage("Source label must not be empty");
	}

}
