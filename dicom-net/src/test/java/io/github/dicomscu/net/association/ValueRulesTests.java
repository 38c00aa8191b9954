package io.github.dicomscu.net.association;

import java.time.Duration;
import java.util.Map;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.scp.DicomScp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the owners of the value rules ({@link Port}, {@link MaxPduLength},
 * {@link AssociationTimeouts#check}, {@link BindAddress}'s checks) and for the builders
 * and records that call them instead of repeating the rule.
 */
class ValueRulesTests {

	@Test
	void peerPortIsOneTo65535() {
		assertThat(Port.checkPeer("Peer", 1)).isEqualTo(1);
		assertThat(Port.checkPeer("Peer", 65535)).isEqualTo(65535);
		assertThatIllegalArgumentException().isThrownBy(() -> Port.checkPeer("Peer", 0))
			.withMessage("Peer port 0 is outside 1-65535");
		assertThatIllegalArgumentException().isThrownBy(() -> Port.checkPeer("Peer", 65536))
			.withMessage("Peer port 65536 is outside 1-65535");
	}

	@Test
	void localPortIsZeroTo65535() {
		assertThat(Port.checkLocal("SCP", Port.EPHEMERAL)).isZero();
		assertThat(Port.checkLocal("SCP", 65535)).isEqualTo(65535);
		assertThatIllegalArgumentException().isThrownBy(() -> Port.checkLocal("SCP", -1))
			.withMessage("SCP port -1 is outside 0-65535");
		assertThatIllegalArgumentException().isThrownBy(() -> Port.checkLocal("SCP", 65536))
			.withMessage("SCP port 65536 is outside 0-65535");
	}

	@Test
	void maxPduLengthIsZeroOrEightToUnsigned32Bits() {
		assertThat(MaxPduLength.check(0)).isZero();
		assertThat(MaxPduLength.check(8)).isEqualTo(8);
		assertThat(MaxPduLength.check(4294967295L)).isEqualTo(4294967295L);
		for (long invalid : new long[] { -1, 1, 7, 4294967296L }) {
			assertThatIllegalArgumentException().isThrownBy(() -> MaxPduLength.check(invalid))
				.withMessage("Maximum PDU length " + invalid + " must be 0 (no limit) or between 8 and 4294967295");
		}
	}

	@Test
	void timeoutIsSetPositiveAndAtMostOneDay() {
		assertThat(AssociationTimeouts.check("dimse", Duration.ofDays(1))).isEqualTo(Duration.ofDays(1));
		assertThatIllegalArgumentException().isThrownBy(() -> AssociationTimeouts.check("dimse", null))
			.withMessage("dimse timeout must be set");
		assertThatIllegalArgumentException().isThrownBy(() -> AssociationTimeouts.check("dimse", Duration.ZERO))
			.withMessage("dimse timeout must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssociationTimeouts.check("idle", Duration.ofDays(1).plusNanos(1)))
			.withMessage("idle timeout must be at most PT24H, was PT24H0.000000001S");
	}

	@Test
	void bindAddressChecksEachFieldWithItsOwner() {
		assertThatIllegalArgumentException().isThrownBy(() -> BindAddress.ipv4("127.0.0.1", 65536))
			.withMessage("Bind address port 65536 is outside 0-65535");
		assertThatIllegalArgumentException().isThrownBy(() -> BindAddress.checkFlowInfo(0x100000))
			.withMessage("Bind address flow info 1048576 is outside 0-1048575 (20 bits)");
		assertThat(BindAddress.checkFlowInfo(BindAddress.MAXIMUM_FLOW_INFO)).isEqualTo(1048575);
		assertThatIllegalArgumentException().isThrownBy(() -> BindAddress.checkScopeId(-1))
			.withMessage("Bind address scope id -1 must not be negative");
	}

	@Test
	void associationRequestCallsTheOwners() {
		assertThatIllegalArgumentException().isThrownBy(() -> AssociationRequest.builder("localhost", 0))
			.withMessage("Peer port 0 is outside 1-65535");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssociationRequest.builder("localhost", 104).maxPduLength(7))
			.withMessage("Maximum PDU length 7 must be 0 (no limit) or between 8 and 4294967295");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssociationRequest.builder("localhost", 104).maxDataSetInMemory(-1))
			.withMessage("Maximum data set in memory -1 must be between 1 and 2147483639 bytes");
	}

	@Test
	void maxDataSetInMemoryIsOneToTheLargestArray() {
		assertThat(MaxDataSetInMemory.check(1)).isEqualTo(1);
		assertThat(MaxDataSetInMemory.check(Integer.MAX_VALUE - 8)).isEqualTo(Integer.MAX_VALUE - 8);
		assertThat(AssociationRequest.builder("localhost", 104)
			.context(PresentationContext.of(Uid.VERIFICATION))
			.build()
			.getMaxDataSetInMemory()).isEqualTo(64 * 1024 * 1024);
	}

	@Test
	void scpBuilderAndAcceptorSettingsCallTheOwners() {
		assertThatIllegalArgumentException().isThrownBy(() -> DicomScp.builder().port(70000))
			.withMessage("SCP port 70000 is outside 0-65535");
		assertThatIllegalArgumentException().isThrownBy(() -> DicomScp.builder().maxPduLength(4))
			.withMessage("Maximum PDU length 4 must be 0 (no limit) or between 8 and 4294967295");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AcceptorSettings(null,
					Map.of(Uid.VERIFICATION, PresentationContext.DEFAULT_TRANSFER_SYNTAXES), -1,
					MaxDataSetInMemory.DEFAULT, AssociationTimeouts.defaults()))
			.withMessage("Maximum PDU length -1 must be 0 (no limit) or between 8 and 4294967295");
		assertThatIllegalArgumentException().isThrownBy(() -> DicomScp.builder().maxDataSetInMemory(0))
			.withMessage("Maximum data set in memory 0 must be between 1 and 2147483639 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AcceptorSettings(null,
					Map.of(Uid.VERIFICATION, PresentationContext.DEFAULT_TRANSFER_SYNTAXES), 0,
					MaxDataSetInMemory.MAXIMUM + 1, AssociationTimeouts.defaults()))
			.withMessage("Maximum data set in memory 2147483640 must be between 1 and 2147483639 bytes");
	}

}
