package io.github.dicomscu.data;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link VR}.
 */
class VRTests {

	private static final Set<VR> LONG_HEADER = EnumSet.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV, VR.UC,
			VR.UN, VR.UR, VR.UT, VR.UV);

	private static final Set<VR> SPACE_PADDED = EnumSet.of(VR.AE, VR.AS, VR.CS, VR.DA, VR.DS, VR.DT, VR.IS, VR.LO,
			VR.LT, VR.PN, VR.SH, VR.ST, VR.TM, VR.UC, VR.UR, VR.UT);

	@Test
	void allValueRepresentationsArePresent() {
		assertThat(VR.values()).extracting(VR::name)
			.containsExactly("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "OB", "OD", "OF",
					"OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR",
					"US", "UT", "UV");
	}

	@Test
	void explicitHeaderLength() {
		for (VR vr : VR.values()) {
			assertThat(vr.explicitHeaderLength()).as(vr.name()).isEqualTo(LONG_HEADER.contains(vr) ? 12 : 8);
		}
	}

	@Test
	void paddingByte() {
		for (VR vr : VR.values()) {
			assertThat(vr.paddingByte()).as(vr.name()).isEqualTo(SPACE_PADDED.contains(vr) ? (byte) 0x20 : (byte) 0);
		}
		assertThat(VR.UI.paddingByte()).isZero();
	}

	@Test
	void codeIsTheTwoCharacters() {
		assertThat(VR.US.code()).isEqualTo(0x5553);
		assertThat(VR.OB.code()).isEqualTo(('O' << 8) | 'B');
	}

	@Test
	void ofCodeRoundTrips() {
		for (VR vr : VR.values()) {
			assertThat(VR.ofCode(vr.code())).isSameAs(vr);
			assertThat(VR.of(vr.name())).isSameAs(vr);
		}
	}

	@Test
	void ofUnknown() {
		assertThatIllegalArgumentException().isThrownBy(() -> VR.of("XX")).withMessage("Unknown VR 'XX'");
		assertThatIllegalArgumentException().isThrownBy(() -> VR.of("us")).withMessage("Unknown VR 'us'");
		assertThatIllegalArgumentException().isThrownBy(() -> VR.of("USS"));
		assertThatIllegalArgumentException().isThrownBy(() -> VR.ofCode(0x5858)).withMessage("Unknown VR code 0x5858");
		assertThatIllegalArgumentException().isThrownBy(() -> VR.ofCode(0x0000));
		assertThatIllegalArgumentException().isThrownBy(() -> VR.ofCode(0x15553));
	}

}
