package io.github.dicomscu.net.association;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.Pdu;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PresentationDataValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fragmentation of outgoing messages into P-DATA-TF PDUs.
 */
class PDataOutputStreamTests {

	@Test
	void singleFragmentHasTheExactLayout() throws Exception {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		PDataOutputStream out = new PDataOutputStream(Channels.newChannel(wire), 100);
		out.begin(3, true);
		out.write(new byte[] { 0x0A, 0x0B, 0x0C });
		assertThat(out.finish()).isEqualTo(3);
		out.flush();
		assertThat(wire.toByteArray()).containsExactly(0x04, 0x00, // P-DATA-TF, reserved
				0x00, 0x00, 0x00, 0x09, // PDU length: 4 + 1 + 1 + 3
				0x00, 0x00, 0x00, 0x05, // PDV item length: 1 + 1 + 3
				0x03, // presentation context id
				0x03, // message control header: command, last fragment
				0x0A, 0x0B, 0x0C);
	}

	@Test
	void dataSetIsCutIntoFragmentsOfTheMaximumSizeAndOnlyTheLastIsFlagged() throws Exception {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		PDataOutputStream out = new PDataOutputStream(Channels.newChannel(wire), 10);
		byte[] data = new byte[25];
		for (int i = 0; i < data.length; i++) {
			data[i] = (byte) i;
		}
		out.begin(1, false);
		out.write(data, 0, 7);
		out.write(data[7]);
		out.write(data, 8, 17);
		out.finish();
		out.flush();
		List<PresentationDataValue> values = decode(wire.toByteArray(), 16);
		assertThat(values).extracting((value) -> value.data().length).containsExactly(10, 10, 5);
		assertThat(values).extracting(PresentationDataValue::last).containsExactly(false, false, true);
		assertThat(values).extracting(PresentationDataValue::command).containsOnly(false);
		assertThat(values).extracting(PresentationDataValue::contextId).containsOnly(1);
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		for (PresentationDataValue value : values) {
			joined.write(value.data());
		}
		assertThat(joined.toByteArray()).isEqualTo(data);
	}

	@Test
	void exactMultipleOfTheFragmentSizeEndsWithAFullLastFragment() throws Exception {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		PDataOutputStream out = new PDataOutputStream(Channels.newChannel(wire), 8);
		out.begin(5, false);
		out.transferFrom(new ByteArrayInputStream(new byte[16]), 16);
		out.finish();
		out.flush();
		List<PresentationDataValue> values = decode(wire.toByteArray(), 14);
		assertThat(values).extracting((value) -> value.data().length).containsExactly(8, 8);
		assertThat(values).extracting(PresentationDataValue::last).containsExactly(false, true);
	}

	@Test
	void largeTransfersSpanSeveralBufferWritesInOrder() throws Exception {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		PDataOutputStream out = new PDataOutputStream(Channels.newChannel(wire), 16376);
		byte[] data = new byte[3 * 1024 * 1024 + 17];
		new java.util.Random(7).nextBytes(data);
		out.begin(7, false);
		assertThat(out.transferFrom(new ByteArrayInputStream(data), -1)).isEqualTo(data.length);
		out.finish();
		out.flush();
		List<PresentationDataValue> values = decode(wire.toByteArray(), 16382);
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		values.forEach((value) -> joined.writeBytes(value.data()));
		assertThat(joined.toByteArray()).isEqualTo(data);
		assertThat(values.get(values.size() - 1).last()).isTrue();
		assertThat(values.subList(0, values.size() - 1)).noneMatch(PresentationDataValue::last);
	}

	@Test
	void shortStreamIsAnError() {
		PDataOutputStream out = new PDataOutputStream(Channels.newChannel(new ByteArrayOutputStream()), 100);
		out.begin(1, false);
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> out.transferFrom(new ByteArrayInputStream(new byte[10]), 20))
			.withMessage("Stream ended after 10 of 20 bytes");
	}

	private static List<PresentationDataValue> decode(byte[] wire, long maximumLength) throws Exception {
		PduDecoder decoder = new PduDecoder(new ByteArrayInputStream(wire), maximumLength);
		List<PresentationDataValue> values = new ArrayList<>();
		for (Pdu pdu = decoder.read(); pdu != null; pdu = decoder.read()) {
			values.addAll(((PDataTf) pdu).values());
		}
		return values;
	}

}
