package io.github.dicomscu.net.pdu;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@link PduCode} enums and their {@link PduCodeTable}: every code the standard
 * defines finds its constant, and every other value, in and around the byte range, misses
 * as the enum documents.
 */
class PduCodeTests {

	@Test
	void codesAreThoseOfTheStandard() {
		assertThat(codes(PduType.values())).containsExactly(1, 2, 3, 4, 5, 6, 7);
		assertThat(codes(AbortSource.values())).containsExactly(0, 1, 2);
		assertThat(codes(AbortReason.values())).containsExactly(0, 1, 2, 4, 5, 6);
		assertThat(codes(RejectResult.values())).containsExactly(1, 2);
		assertThat(codes(RejectSource.values())).containsExactly(1, 2, 3);
		assertThat(codes(PresentationContextResult.values())).containsExactly(0, 1, 2, 3, 4);
		assertThat(codes(UserIdentityType.values())).containsExactly(1, 2, 3, 4, 5);
		assertThat(codes(ItemType.values())).containsExactly(0x10, 0x20, 0x21, 0x30, 0x40, 0x50, 0x51, 0x52, 0x53, 0x54,
				0x55, 0x56, 0x57, 0x58, 0x59);
	}

	@Test
	void missOfAnEnumWithoutFallbackThrowsNamingTheCode() {
		assertLookup(PduType.values(), PduType::of, "Unknown PDU type 0x%02X");
		assertLookup(AbortSource.values(), AbortSource::of, "Unknown A-ABORT source %d");
		assertLookup(RejectResult.values(), RejectResult::of, "Unknown A-ASSOCIATE-RJ result %d");
		assertLookup(RejectSource.values(), RejectSource::of, "Unknown A-ASSOCIATE-RJ source %d");
		assertLookup(PresentationContextResult.values(), PresentationContextResult::of,
				"Unknown presentation context result/reason %d");
		assertLookup(UserIdentityType.values(), UserIdentityType::of, "Unknown user identity type %d");
	}

	@Test
	void messageOfAMissNamesTheCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> PduType.of(0x08)).withMessage("Unknown PDU type 0x08");
		assertThatIllegalArgumentException().isThrownBy(() -> PduType.of(0xFF)).withMessage("Unknown PDU type 0xFF");
		assertThatIllegalArgumentException().isThrownBy(() -> AbortSource.of(3))
			.withMessage("Unknown A-ABORT source 3");
		assertThatIllegalArgumentException().isThrownBy(() -> UserIdentityType.of(-1))
			.withMessage("Unknown user identity type -1");
	}

	@Test
	void missOfFindIsNull() {
		assertLookup(PduType.values(), PduType::find, null);
		assertLookup(AbortSource.values(), AbortSource::find, null);
		assertLookup(ItemType.values(), ItemType::find, null);
	}

	@Test
	void missOfAbortReasonIsNotSpecified() {
		for (int code = -1; code <= 0x100; code++) {
			AbortReason expected = defined(AbortReason.values(), code);
			assertThat(AbortReason.of(code)).isSameAs((expected != null) ? expected : AbortReason.NOT_SPECIFIED);
		}
		assertThat(AbortReason.of(3)).isSameAs(AbortReason.NOT_SPECIFIED);
	}

	@Test
	void tableRejectsTwoConstantsWithOneCode() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PduCodeTable<>(new TestCode[] { TestCode.FIRST, TestCode.SECOND }))
			.withMessage("FIRST and SECOND share the code 1");
	}

	@Test
	void tableRejectsCodesOutsideAByte() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PduCodeTable<>(new TestCode[] { TestCode.WIDE }))
			.withMessage("Code 256 of WIDE does not fit in a byte");
		assertThatIllegalArgumentException().isThrownBy(() -> new PduCodeTable<>(new TestCode[] { TestCode.NEGATIVE }))
			.withMessage("Code -1 of NEGATIVE does not fit in a byte");
	}

	/**
	 * Assert that a lookup returns the constant of each code from -1 to 256 that has one
	 * and misses every other: with an exception whose message is the format applied to
	 * the code, or with {@code null} if the format is {@code null}.
	 */
	private static <E extends PduCode> void assertLookup(E[] constants, IntFunction<E> lookup, String unknownMessage) {
		for (int code = -1; code <= 0x100; code++) {
			int value = code;
			E expected = defined(constants, code);
			if (expected != null) {
				assertThat(lookup.apply(code)).isSameAs(expected);
			}
			else if (unknownMessage != null) {
				assertThatIllegalArgumentException().isThrownBy(() -> lookup.apply(value))
					.withMessage(String.format(Locale.ROOT, unknownMessage, value));
			}
			else {
				assertThat(lookup.apply(code)).isNull();
			}
		}
	}

	private static <E extends PduCode> E defined(E[] constants, int code) {
		return Arrays.stream(constants).filter((constant) -> constant.code() == code).findFirst().orElse(null);
	}

	private static int[] codes(PduCode[] constants) {
		return Arrays.stream(constants).mapToInt(PduCode::code).toArray();
	}

	enum TestCode implements PduCode {

		FIRST(1), SECOND(1), NEGATIVE(-1), WIDE(0x100);

		private final int code;

		TestCode(int code) {
			this.code = code;
		}

		@Override
		public int code() {
			return this.code;
		}

		@Override
		public String text() {
			return name();
		}

	}

}
