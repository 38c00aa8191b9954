package io.github.dicomscu.net.dimse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request and response factories of {@link Command}, checked through their encoding.
 */
class CommandFactoryTests {

	private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

	@Test
	void storeRqCarriesTheMandatoryElements() throws Exception {
		Command command = Command.decode(Command.storeRq(7, CT, "1.2.3.4", Priority.HIGH).encode());
		assertThat(command.commandField()).isEqualTo(CommandField.C_STORE_RQ);
		assertThat(command.messageId()).isEqualTo(7);
		assertThat(command.affectedSopClassUid()).isEqualTo(CT);
		assertThat(command.affectedSopInstanceUid()).isEqualTo("1.2.3.4");
		assertThat(command.getInt(CommandTag.PRIORITY, -1)).isEqualTo(1);
		assertThat(command.hasDataSet()).isTrue();
	}

	@Test
	void storeRspAnswersTheRequest() throws Exception {
		Command request = Command.storeRq(9, CT, "1.2.3.4.5", Priority.MEDIUM);
		Command response = Command.decode(Command.storeRsp(request, Status.OUT_OF_RESOURCES).encode());
		assertThat(response.commandField()).isEqualTo(CommandField.C_STORE_RSP);
		assertThat(response.messageIdBeingRespondedTo()).isEqualTo(9);
		assertThat(response.status()).isEqualTo(0xA700);
		assertThat(response.affectedSopInstanceUid()).isEqualTo("1.2.3.4.5");
		assertThat(response.hasDataSet()).isFalse();
	}

	@Test
	void storeRqEncodingIsExact() {
		byte[] encoded = Command.storeRq(1, "1.2", "1.3", Priority.MEDIUM).encode();
		assertThat(encoded).containsExactly(
				// (0000,0000) UL 4 bytes: group length = 10 + 12 + 10 + 10 + 10 + 12 = 64
				0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,
				// (0000,0002) UI "1.2" padded with NUL to 4 bytes
				0x00, 0x00, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00, '1', '.', '2', 0x00,
				// (0000,0100) US 0x0001 C-STORE-RQ
				0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00,
				// (0000,0110) US message id 1
				0x00, 0x00, 0x10, 0x01, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00,
				// (0000,0700) US priority medium
				0x00, 0x00, 0x00, 0x07, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
				// (0000,0800) US data set present
				0x00, 0x00, 0x00, 0x08, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00,
				// (0000,1000) UI "1.3" padded with NUL to 4 bytes
				0x00, 0x00, 0x00, 0x10, 0x04, 0x00, 0x00, 0x00, '1', '.', '3', 0x00);
	}

	@Test
	void moveRqNamesTheDestination() throws Exception {
		Command command = Command
			.decode(Command.moveRq(3, "1.2.840.10008.5.1.4.1.2.2.2", Priority.LOW, "STORESCU").encode());
		assertThat(command.commandField()).isEqualTo(CommandField.C_MOVE_RQ);
		assertThat(command.getString(CommandTag.MOVE_DESTINATION)).isEqualTo("STORESCU");
		assertThat(command.getInt(CommandTag.PRIORITY, -1)).isEqualTo(2);
	}

	@Test
	void cancelRqRefersToTheRequest() throws Exception {
		Command command = Command.decode(Command.cancelRq(12).encode());
		assertThat(command.commandField()).isEqualTo(CommandField.C_CANCEL_RQ);
		assertThat(command.messageIdBeingRespondedTo()).isEqualTo(12);
		assertThat(command.hasDataSet()).isFalse();
	}

}
