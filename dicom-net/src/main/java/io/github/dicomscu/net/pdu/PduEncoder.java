package io.github.dicomscu.net.pdu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Writes PDUs in the binary form of PS3.8 section 9.3: big-endian lengths, AE titles
 * padded with spaces to 16 bytes, UIDs unpadded, reserved fields zero, user information
 * sub-items in ascending order of type. Values the wire format cannot carry (an AE title
 * of 17 characters, a malformed UID, an item longer than 65535 bytes, an A-ASSOCIATE-RQ
 * without presentation contexts or implementation class UID) are rejected with an
 * {@link IllegalArgumentException} before anything is written.
 * <p>
 * P-DATA-TF PDUs are written without copying their fragments, and
 * {@link #writePDataTfHeader} lets a sender stream a fragment that never becomes a
 * {@link PDataTf}.
 */
public final class PduEncoder {

	/** Bytes of the PDU-type, reserved and PDU-length fields that start every PDU. */
	static final int PDU_HEADER_LENGTH = 6;

	/**
	 * Bytes of the item-length, presentation-context-ID and message control header of a
	 * PDV item.
	 */
	static final int PDV_HEADER_LENGTH = 6;

	/** Value of the PDU-length field of the fixed-size PDUs: RJ, release and abort. */
	static final int FIXED_PDU_LENGTH = 4;

	private static final int MAXIMUM_ITEM_LENGTH = 0xFFFF;

	private static final int MAXIMUM_UID_LENGTH = 64;

	private static final int MAXIMUM_VERSION_NAME_LENGTH = 16;

	private static final int RESERVED_FIELD_LENGTH = 32;

	private PduEncoder() {
	}

	/**
	 * Encode a PDU.
	 * @param pdu the PDU
	 * @return its bytes, from the PDU-type field to the end of the PDU
	 * @throws IllegalArgumentException if the PDU holds a value the wire format cannot
	 * carry
	 */
	public static byte[] encode(Pdu pdu) {
		Objects.requireNonNull(pdu, "'pdu' must not be null");
		if (pdu instanceof AssociateRq rq) {
			return associateRq(rq);
		}
		if (pdu instanceof AssociateAc ac) {
			return associateAc(ac);
		}
		if (pdu instanceof AssociateRj rj) {
			return fixed(PduType.A_ASSOCIATE_RJ, 0, rj.result(), rj.source(), rj.reasonCode());
		}
		if (pdu instanceof PDataTf data) {
			return pDataTf(data);
		}
		if (pdu instanceof ReleaseRq) {
			return fixed(PduType.A_RELEASE_RQ, 0, 0, 0, 0);
		}
		if (pdu instanceof ReleaseRp) {
			return fixed(PduType.A_RELEASE_RP, 0, 0, 0, 0);
		}
		Abort abort = (Abort) pdu;
		return fixed(PduType.A_ABORT, 0, 0, abort.source().code(), abort.reason().code());
	}

	/**
	 * Write a PDU to a stream. A P-DATA-TF PDU's fragments go to the stream as they are,
	 * after their headers, without being copied.
	 * @param pdu the PDU
	 * @param out the stream, which is neither flushed nor closed
	 * @throws IOException if the stream fails
	 * @throws IllegalArgumentException if the PDU holds a value the wire format cannot
	 * carry, in which case nothing has been written
	 */
	public static void write(Pdu pdu, OutputStream out) throws IOException {
		Objects.requireNonNull(out, "'out' must not be null");
		if (pdu instanceof PDataTf data) {
			byte[] header = new byte[PDU_HEADER_LENGTH];
			header[0] = (byte) PduType.P_DATA_TF.code();
			putU32(header, 2, pDataTfLength(data));
			out.write(header);
			for (PresentationDataValue value : data.values()) {
				out.write(pdvHeader(value.contextId(), value.command(), value.last(), value.data().length));
				out.write(value.data());
			}
		}
		else {
			out.write(encode(pdu));
		}
	}

	/**
	 * Write the start of a P-DATA-TF PDU that carries a single presentation data value:
	 * the PDU header, the PDV item length, the presentation context id and the message
	 * control header, 12 bytes in all. The caller then writes exactly
	 * {@code fragmentLength} bytes of fragment.
	 * @param out the stream, which is neither flushed nor closed
	 * @param contextId the presentation context id, an odd number between 1 and 255
	 * @param command whether the fragment belongs to a command rather than a data set
	 * @param last whether the fragment is the last one of its command or data set
	 * @param fragmentLength the number of fragment bytes that follow
	 * @throws IOException if the stream fails
	 */
	public static void writePDataTfHeader(OutputStream out, int contextId, boolean command, boolean last,
			int fragmentLength) throws IOException {
		PresentationContextId.check(contextId);
		if (fragmentLength < 0) {
			throw new IllegalArgumentException("Fragment length " + fragmentLength + " is negative");
		}
		byte[] header = new byte[PDU_HEADER_LENGTH + PDV_HEADER_LENGTH];
		header[0] = (byte) PduType.P_DATA_TF.code();
		putU32(header, 2, (long) PDV_HEADER_LENGTH + fragmentLength);
		putU32(header, 6, 2L + fragmentLength);
		header[10] = (byte) contextId;
		header[11] = messageControlHeader(command, last);
		out.write(header);
	}

	private static byte[] pDataTf(PDataTf data) {
		long length = pDataTfLength(data);
		if (length > Integer.MAX_VALUE - PDU_HEADER_LENGTH) {
			throw new IllegalArgumentException("P-DATA-TF PDU of " + length + " bytes is too large for an array");
		}
		byte[] bytes = new byte[PDU_HEADER_LENGTH + (int) length];
		bytes[0] = (byte) PduType.P_DATA_TF.code();
		putU32(bytes, 2, length);
		int position = PDU_HEADER_LENGTH;
		for (PresentationDataValue value : data.values()) {
			byte[] header = pdvHeader(value.contextId(), value.command(), value.last(), value.data().length);
			System.arraycopy(header, 0, bytes, position, header.length);
			position += header.length;
			System.arraycopy(value.data(), 0, bytes, position, value.data().length);
			position += value.data().length;
		}
		return bytes;
	}

	private static long pDataTfLength(PDataTf data) {
		long length = 0;
		for (PresentationDataValue value : data.values()) {
			length += PDV_HEADER_LENGTH + value.data().length;
		}
		if (length > 0xFFFFFFFFL) {
			throw new IllegalArgumentException("P-DATA-TF PDU of " + length + " bytes exceeds the 32-bit PDU length");
		}
		return length;
	}

	private static byte[] pdvHeader(int contextId, boolean command, boolean last, int fragmentLength) {
		byte[] header = new byte[PDV_HEADER_LENGTH];
		putU32(header, 0, 2L + fragmentLength);
		header[4] = (byte) contextId;
		header[5] = messageControlHeader(command, last);
		return header;
	}

	private static byte messageControlHeader(boolean command, boolean last) {
		return (byte) ((command ? 0x01 : 0x00) | (last ? 0x02 : 0x00));
	}

	private static byte[] fixed(PduType type, int byte7, int byte8, int byte9, int byte10) {
		return new byte[] { (byte) type.code(), 0, 0, 0, 0, FIXED_PDU_LENGTH, (byte) byte7, (byte) byte8, (byte) byte9,
				(byte) byte10 };
	}

	private static byte[] associateRq(AssociateRq rq) {
		if (rq.presentationContexts().isEmpty()) {
			throw new IllegalArgumentException("An A-ASSOCIATE-RQ proposes at least one presentation context");
		}
		BitSet ids = new BitSet();
		Buffer contexts = new Buffer();
		for (PresentationContextRq context : rq.presentationContexts()) {
			checkUnique(ids, context.id());
			if (context.transferSyntaxes().isEmpty()) {
				throw new IllegalArgumentException(
						"Presentation context " + context.id() + " proposes no transfer syntax");
			}
			Buffer content = new Buffer();
			content.u8(context.id());
			content.zeros(3);
			content.item(ItemType.ABSTRACT_SYNTAX, uid(context.abstractSyntax(), "Abstract syntax"));
			for (String transferSyntax : context.transferSyntaxes()) {
				content.item(ItemType.TRANSFER_SYNTAX, uid(transferSyntax, "Transfer syntax"));
			}
			contexts.item(ItemType.PRESENTATION_CONTEXT_RQ, content);
		}
		return associate(PduType.A_ASSOCIATE_RQ, rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle(),
				rq.applicationContextName(), contexts, rq.userInformation());
	}

	private static byte[] associateAc(AssociateAc ac) {
		BitSet ids = new BitSet();
		Buffer contexts = new Buffer();
		for (PresentationContextAc context : ac.presentationContexts()) {
			checkUnique(ids, context.id());
			Buffer content = new Buffer();
			content.u8(context.id());
			content.u8(0);
			content.u8(context.result().code());
			content.u8(0);
			String transferSyntax = context.transferSyntax();
			content.item(ItemType.TRANSFER_SYNTAX,
					transferSyntax.isEmpty() ? new byte[0] : uid(transferSyntax, "Transfer syntax"));
			contexts.item(ItemType.PRESENTATION_CONTEXT_AC, content);
		}
		return associate(PduType.A_ASSOCIATE_AC, ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle(),
				ac.applicationContextName(), contexts, ac.userInformation());
	}

	private static void checkUnique(BitSet ids, int id) {
		if (ids.get(id)) {
			throw new IllegalArgumentException("Presentation context id " + id + " is used twice");
		}
		ids.set(id);
	}

	private static byte[] associate(PduType type, int protocolVersion, String calledAeTitle, String callingAeTitle,
			String applicationContextName, Buffer presentationContexts, UserInformation userInformation) {
		Buffer body = new Buffer();
		body.u16(protocolVersion);
		body.zeros(2);
		body.writeBytes(aeTitle(calledAeTitle, "Called AE title"));
		body.writeBytes(aeTitle(callingAeTitle, "Calling AE title"));
		body.zeros(RESERVED_FIELD_LENGTH);
		body.item(ItemType.APPLICATION_CONTEXT, uid(applicationContextName, "Application context name"));
		body.append(presentationContexts);
		body.item(ItemType.USER_INFORMATION, userInformation(type, userInformation));
		Buffer pdu = new Buffer();
		pdu.u8(type.code());
		pdu.u8(0);
		pdu.u32(body.size());
		pdu.append(body);
		return pdu.toByteArray();
	}

	private static Buffer userInformation(PduType type, UserInformation information) {
		if (information.implementationClassUid() == null) {
			throw new IllegalArgumentException(
					"The user information of an " + type.text() + " requires an implementation class UID");
		}
		Buffer items = new Buffer();
		if (information.maximumLength() != UserInformation.NO_MAXIMUM_LENGTH_ITEM) {
			Buffer content = new Buffer();
			content.u32(information.maximumLength());
			items.item(ItemType.MAXIMUM_LENGTH, content);
		}
		items.item(ItemType.IMPLEMENTATION_CLASS_UID,
				uid(information.implementationClassUid(), "Implementation class UID"));
		AsyncOperationsWindow window = information.asyncOperationsWindow();
		if (window != null) {
			Buffer content = new Buffer();
			content.u16(window.invoked());
			content.u16(window.performed());
			items.item(ItemType.ASYNC_OPERATIONS_WINDOW, content);
		}
		for (RoleSelection selection : information.roleSelections()) {
			Buffer content = new Buffer();
			content.lengthPrefixed(uid(selection.sopClassUid(), "Role selection SOP class UID"), "SOP class UID");
			content.u8(selection.scuRole() ? 1 : 0);
			content.u8(selection.scpRole() ? 1 : 0);
			items.item(ItemType.ROLE_SELECTION, content);
		}
		if (information.implementationVersionName() != null) {
			items.item(ItemType.IMPLEMENTATION_VERSION_NAME, versionName(information.implementationVersionName()));
		}
		for (SopClassExtendedNegotiation negotiation : information.extendedNegotiations()) {
			Buffer content = new Buffer();
			content.lengthPrefixed(uid(negotiation.sopClassUid(), "Extended negotiation SOP class UID"),
					"SOP class UID");
			content.writeBytes(negotiation.applicationInformation());
			items.item(ItemType.SOP_CLASS_EXTENDED_NEGOTIATION, content);
		}
		for (SopClassCommonExtendedNegotiation negotiation : information.commonExtendedNegotiations()) {
			items.item(ItemType.SOP_CLASS_COMMON_EXTENDED_NEGOTIATION, commonExtendedNegotiation(negotiation));
		}
		UserIdentityRq identity = information.userIdentityRq();
		if (identity != null) {
			Buffer content = new Buffer();
			content.u8(identity.type().code());
			content.u8(identity.positiveResponseRequested() ? 1 : 0);
			content.lengthPrefixed(identity.primaryField(), "User identity primary field");
			content.lengthPrefixed(identity.secondaryField(), "User identity secondary field");
			items.item(ItemType.USER_IDENTITY_RQ, content);
		}
		UserIdentityAc response = information.userIdentityAc();
		if (response != null) {
			Buffer content = new Buffer();
			content.lengthPrefixed(response.serverResponse(), "User identity server response");
			items.item(ItemType.USER_IDENTITY_AC, content);
		}
		for (UnknownItem item : information.unknownItems()) {
			items.item(item.type(), item.value());
		}
		return items;
	}

	private static Buffer commonExtendedNegotiation(SopClassCommonExtendedNegotiation negotiation) {
		Buffer related = new Buffer();
		for (String uid : negotiation.relatedGeneralSopClassUids()) {
			related.lengthPrefixed(uid(uid, "Related general SOP class UID"), "Related general SOP class UID");
		}
		Buffer content = new Buffer();
		content.lengthPrefixed(uid(negotiation.sopClassUid(), "Common extended negotiation SOP class UID"),
				"SOP class UID");
		content.lengthPrefixed(uid(negotiation.serviceClassUid(), "Service class UID"), "Service class UID");
		content.u16(checkedLength(related.size(), "Related general SOP class identification"));
		content.append(related);
		return content;
	}

	private static byte[] aeTitle(String value, String field) {
		String title = AeTitle.check(field, value);
		return String.format("%-" + AeTitle.MAXIMUM_LENGTH + "s", title).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] uid(String value, String field) {
		Objects.requireNonNull(value, () -> field + " must not be null");
		if (value.isEmpty() || value.length() > MAXIMUM_UID_LENGTH) {
			throw new IllegalArgumentException(
					field + " '" + value + "' is not a UID of 1 to " + MAXIMUM_UID_LENGTH + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < '0' || c > '9') && c != '.') {
				throw new IllegalArgumentException(
						field + " '" + value + "' is not a UID: '" + c + "' at index " + i + " is not a digit or dot");
			}
		}
		return value.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] versionName(String value) {
		if (value.isEmpty() || value.length() > MAXIMUM_VERSION_NAME_LENGTH) {
			throw new IllegalArgumentException("Implementation version name '" + value + "' is not 1 to "
					+ MAXIMUM_VERSION_NAME_LENGTH + " characters long");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				throw new IllegalArgumentException("Implementation version name '" + value
						+ "' contains a character outside printable ASCII at index " + i);
			}
		}
		return value.getBytes(StandardCharsets.US_ASCII);
	}

	private static int checkedLength(int length, String field) {
		if (length > MAXIMUM_ITEM_LENGTH) {
			throw new IllegalArgumentException(field + " is " + length + " bytes long, more than the "
					+ MAXIMUM_ITEM_LENGTH + " a 16-bit length can express");
		}
		return length;
	}

	private static void putU32(byte[] bytes, int offset, long value) {
		bytes[offset] = (byte) (value >>> 24);
		bytes[offset + 1] = (byte) (value >>> 16);
		bytes[offset + 2] = (byte) (value >>> 8);
		bytes[offset + 3] = (byte) value;
	}

	/**
	 * Growable big-endian byte buffer for the variable fields of association PDUs.
	 */
	private static final class Buffer extends ByteArrayOutputStream {

		void u8(int value) {
			write(value);
		}

		void u16(int value) {
			write(value >>> 8);
			write(value);
		}

		void u32(long value) {
			u16((int) (value >>> 16));
			u16((int) value);
		}

		void zeros(int count) {
			for (int i = 0; i < count; i++) {
				write(0);
			}
		}

		void append(Buffer other) {
			write(other.buf, 0, other.count);
		}

		void lengthPrefixed(byte[] value, String field) {
			u16(checkedLength(value.length, field));
			writeBytes(value);
		}

		void item(ItemType type, Buffer content) {
			header(type.code(), content.count, type.describe());
			append(content);
		}

		void item(ItemType type, byte[] content) {
			item(type.code(), content);
		}

		void item(int type, byte[] content) {
			header(type, content.length, ItemType.describe(type));
			writeBytes(content);
		}

		private void header(int type, int length, String description) {
			checkedLength(length, description);
			u8(type);
			u8(0);
			u16(length);
		}

	}

}
