package io.github.dicomscu.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Decodes the body of an A-ASSOCIATE-RQ or A-ASSOCIATE-AC PDU, the bytes after its 6-byte
 * header, into the PDU (PS3.8 sections 9.3.2 and 9.3.3, PS3.7 Annex D).
 * <p>
 * Every length is checked against its enclosing item. Items of types the standard does
 * not define are skipped, as PS3.8 section 9.3.1 requires, except user information
 * sub-items, which are kept as {@link UnknownItem}s. Defined items in the wrong place,
 * repeated single items and missing mandatory items are rejected.
 */
final class AssociateDecoder {

	private static final int RESERVED_FIELD_LENGTH = 32;

	private static final Set<ItemType> USER_ITEMS = EnumSet.range(ItemType.MAXIMUM_LENGTH, ItemType.USER_IDENTITY_AC);

	private static final Set<ItemType> REPEATABLE_USER_ITEMS = EnumSet.of(ItemType.ROLE_SELECTION,
			ItemType.SOP_CLASS_EXTENDED_NEGOTIATION, ItemType.SOP_CLASS_COMMON_EXTENDED_NEGOTIATION);

	private AssociateDecoder() {
	}

	/**
	 * Decode a PDU body.
	 * @param type {@link PduType#A_ASSOCIATE_RQ} or {@link PduType#A_ASSOCIATE_AC}
	 * @param body the bytes after the PDU header
	 * @return the PDU
	 * @throws DicomProtocolException if the body violates PS3.8
	 */
	static Pdu decode(PduType type, byte[] body) throws DicomProtocolException {
		try {
			return (type == PduType.A_ASSOCIATE_RQ) ? associateRq(body) : associateAc(body);
		}
		catch (IllegalArgumentException ex) {
			throw new DicomProtocolException("invalid " + type.text() + ": " + ex.getMessage(),
					AbortReason.INVALID_PDU_PARAMETER_VALUE, ex);
		}
	}

	private static AssociateRq associateRq(byte[] body) throws DicomProtocolException {
		Fields<PresentationContextRq> fields = fields(body, PduType.A_ASSOCIATE_RQ, ItemType.PRESENTATION_CONTEXT_RQ,
				AssociateDecoder::presentationContextRq, PresentationContextRq::id);
		if (fields.contexts().isEmpty()) {
			throw ItemCursor.invalid("A-ASSOCIATE-RQ contains no " + ItemType.PRESENTATION_CONTEXT_RQ.describe());
		}
		return new AssociateRq(fields.protocolVersion(), fields.calledAeTitle(), fields.callingAeTitle(),
				fields.applicationContextName(), fields.contexts(), fields.userInformation());
	}

	private static AssociateAc associateAc(byte[] body) throws DicomProtocolException {
		Fields<PresentationContextAc> fields = fields(body, PduType.A_ASSOCIATE_AC, ItemType.PRESENTATION_CONTEXT_AC,
				AssociateDecoder::presentationContextAc, PresentationContextAc::id);
		return new AssociateAc(fields.protocolVersion(), fields.calledAeTitle(), fields.callingAeTitle(),
				fields.applicationContextName(), fields.contexts(), fields.userInformation());
	}

	private static <C> Fields<C> fields(byte[] body, PduType type, ItemType contextType,
			ContextDecoder<C> contextDecoder, ToIntFunction<C> idOf) throws DicomProtocolException {
		ItemCursor pdu = new ItemCursor(body, type.text());
		int protocolVersion = pdu.u16("protocol version");
		pdu.skip(2, "reserved field");
		String calledAeTitle = trimmed(pdu.bytes(AeTitle.MAXIMUM_LENGTH, "called AE title"));
		String callingAeTitle = trimmed(pdu.bytes(AeTitle.MAXIMUM_LENGTH, "calling AE title"));
		pdu.skip(RESERVED_FIELD_LENGTH, "reserved field");
		String applicationContextName = null;
		List<C> contexts = new ArrayList<>();
		BitSet ids = new BitSet();
		UserInformation userInformation = null;
		while (pdu.hasRemaining()) {
			ItemCursor item = pdu.nextItem();
			ItemType itemType = ItemType.find(item.itemType());
			if (itemType == null) {
				continue;
			}
			if (itemType == ItemType.APPLICATION_CONTEXT) {
				if (applicationContextName != null) {
					throw repeated(item, pdu);
				}
				applicationContextName = uid(item.rest());
			}
			else if (itemType == contextType) {
				C context = contextDecoder.decode(item);
				int id = idOf.applyAsInt(context);
				if (ids.get(id)) {
					throw ItemCursor.invalid(type.text() + " contains two presentation context items with id " + id);
				}
				ids.set(id);
				contexts.add(context);
			}
			else if (itemType == ItemType.USER_INFORMATION) {
				if (userInformation != null) {
					throw repeated(item, pdu);
				}
				userInformation = userInformation(item);
			}
			else {
				throw unexpected(item, pdu);
			}
		}
		if (applicationContextName == null) {
			throw ItemCursor.invalid(type.text() + " contains no " + ItemType.APPLICATION_CONTEXT.describe());
		}
		if (userInformation == null) {
			throw ItemCursor.invalid(type.text() + " contains no " + ItemType.USER_INFORMATION.describe());
		}
		return new Fields<>(protocolVersion, calledAeTitle, callingAeTitle, applicationContextName, contexts,
				userInformation);
	}

	private static PresentationContextRq presentationContextRq(ItemCursor item) throws DicomProtocolException {
		int id = item.u8("presentation context id");
		item.skip(3, "reserved fields");
		String abstractSyntax = null;
		List<String> transferSyntaxes = new ArrayList<>();
		while (item.hasRemaining()) {
			ItemCursor subItem = item.nextItem();
			ItemType type = ItemType.find(subItem.itemType());
			if (type == ItemType.ABSTRACT_SYNTAX) {
				if (abstractSyntax != null) {
					throw repeated(subItem, item);
				}
				abstractSyntax = uid(subItem.rest());
			}
			else if (type == ItemType.TRANSFER_SYNTAX) {
				transferSyntaxes.add(uid(subItem.rest()));
			}
			else if (type != null) {
				throw unexpected(subItem, item);
			}
		}
		if (abstractSyntax == null) {
			throw ItemCursor
				.invalid(item.name() + " with id " + id + " contains no " + ItemType.ABSTRACT_SYNTAX.describe());
		}
		if (transferSyntaxes.isEmpty()) {
			throw ItemCursor
				.invalid(item.name() + " with id " + id + " contains no " + ItemType.TRANSFER_SYNTAX.describe());
		}
		return new PresentationContextRq(id, abstractSyntax, transferSyntaxes);
	}

	/**
	 * Decode an A-ASSOCIATE-AC presentation context item. Its transfer syntax sub-item is
	 * only required, exactly once, when the context is accepted; otherwise it is not
	 * significant (PS3.8 Table 9-18) and the first one, if any, is kept as received.
	 */
	private static PresentationContextAc presentationContextAc(ItemCursor item) throws DicomProtocolException {
		int id = item.u8("presentation context id");
		item.skip(1, "reserved field");
		PresentationContextResult result = PresentationContextResult.of(item.u8("result/reason"));
		item.skip(1, "reserved field");
		String transferSyntax = null;
		int transferSyntaxCount = 0;
		while (item.hasRemaining()) {
			ItemCursor subItem = item.nextItem();
			ItemType type = ItemType.find(subItem.itemType());
			if (type == ItemType.TRANSFER_SYNTAX) {
				transferSyntaxCount++;
				String uid = uid(subItem.rest());
				transferSyntax = (transferSyntax != null) ? transferSyntax : uid;
			}
			else if (type != null) {
				throw unexpected(subItem, item);
			}
		}
		if (result == PresentationContextResult.ACCEPTANCE && transferSyntaxCount != 1) {
			throw ItemCursor.invalid("accepted " + item.name() + " with id " + id + " contains " + transferSyntaxCount
					+ " transfer syntax sub-items (0x40), it must contain exactly one");
		}
		return new PresentationContextAc(id, result, transferSyntax);
	}

	private static UserInformation userInformation(ItemCursor item) throws DicomProtocolException {
		UserInformation.Builder builder = UserInformation.builder();
		Set<ItemType> seen = EnumSet.noneOf(ItemType.class);
		while (item.hasRemaining()) {
			ItemCursor subItem = item.nextItem();
			ItemType type = ItemType.find(subItem.itemType());
			if (type == null) {
				builder.unknownItem(new UnknownItem(subItem.itemType(), subItem.rest()));
				continue;
			}
			if (!USER_ITEMS.contains(type)) {
				throw unexpected(subItem, item);
			}
			if (!seen.add(type) && !REPEATABLE_USER_ITEMS.contains(type)) {
				throw repeated(subItem, item);
			}
			switch (type) {
				case MAXIMUM_LENGTH -> {
					subItem.expectLength(4);
					builder.maximumLength(subItem.u32("maximum length received"));
				}
				case IMPLEMENTATION_CLASS_UID -> builder.implementationClassUid(uid(subItem.rest()));
				case ASYNC_OPERATIONS_WINDOW -> {
					subItem.expectLength(4);
					builder.asyncOperationsWindow(
							new AsyncOperationsWindow(subItem.u16("maximum number of operations invoked"),
									subItem.u16("maximum number of operations performed")));
				}
				case ROLE_SELECTION -> builder.roleSelection(roleSelection(subItem));
				case IMPLEMENTATION_VERSION_NAME -> builder.implementationVersionName(trimmed(subItem.rest()));
				case SOP_CLASS_EXTENDED_NEGOTIATION -> builder.extendedNegotiation(
						new SopClassExtendedNegotiation(uid(subItem.lengthPrefixed("SOP class UID")), subItem.rest()));
				case SOP_CLASS_COMMON_EXTENDED_NEGOTIATION ->
					builder.commonExtendedNegotiation(commonExtendedNegotiation(subItem));
				case USER_IDENTITY_RQ -> builder.userIdentityRq(userIdentityRq(subItem));
				case USER_IDENTITY_AC -> {
					builder.userIdentityAc(new UserIdentityAc(subItem.lengthPrefixed("server response")));
					subItem.expectEnd();
				}
			}
		}
		return builder.build();
	}

	private static RoleSelection roleSelection(ItemCursor subItem) throws DicomProtocolException {
		String sopClassUid = uid(subItem.lengthPrefixed("SOP class UID"));
		boolean scuRole = flag(subItem, "SCU role");
		boolean scpRole = flag(subItem, "SCP role");
		subItem.expectEnd();
		return new RoleSelection(sopClassUid, scuRole, scpRole);
	}

	/**
	 * Decode a common extended negotiation sub-item; bytes after the related general SOP
	 * class identification are reserved (PS3.7 Table D.3-12) and ignored.
	 */
	private static SopClassCommonExtendedNegotiation commonExtendedNegotiation(ItemCursor subItem)
			throws DicomProtocolException {
		String sopClassUid = uid(subItem.lengthPrefixed("SOP class UID"));
		String serviceClassUid = uid(subItem.lengthPrefixed("service class UID"));
		ItemCursor related = subItem.lengthPrefixedRegion("related general SOP class identification");
		List<String> relatedUids = new ArrayList<>();
		while (related.hasRemaining()) {
			relatedUids.add(uid(related.lengthPrefixed("related general SOP class UID")));
		}
		return new SopClassCommonExtendedNegotiation(sopClassUid, serviceClassUid, relatedUids);
	}

	private static UserIdentityRq userIdentityRq(ItemCursor subItem) throws DicomProtocolException {
		UserIdentityType type = UserIdentityType.of(subItem.u8("user identity type"));
		boolean positiveResponseRequested = flag(subItem, "positive response requested");
		byte[] primaryField = subItem.lengthPrefixed("primary field");
		byte[] secondaryField = subItem.lengthPrefixed("secondary field");
		subItem.expectEnd();
		return new UserIdentityRq(type, positiveResponseRequested, primaryField, secondaryField);
	}

	private static boolean flag(ItemCursor subItem, String field) throws DicomProtocolException {
		int value = subItem.u8(field);
		if (value > 1) {
			throw ItemCursor.invalid(field + " " + value + " in the " + subItem.name() + " is neither 0 nor 1");
		}
		return value == 1;
	}

	private static DicomProtocolException repeated(ItemCursor item, ItemCursor container) {
		return new DicomProtocolException(container.name() + " contains more than one " + item.name(),
				AbortReason.UNEXPECTED_PDU_PARAMETER);
	}

	private static DicomProtocolException unexpected(ItemCursor item, ItemCursor container) {
		return new DicomProtocolException("unexpected " + item.name() + " in the " + container.name(),
				AbortReason.UNEXPECTED_PDU_PARAMETER);
	}

	/**
	 * Decode a UID field: ASCII, with the trailing NUL or space padding some senders add
	 * removed.
	 */
	private static String uid(byte[] bytes) {
		int end = bytes.length;
		while (end > 0 && isPadding(bytes[end - 1])) {
			end--;
		}
		return new String(bytes, 0, end, StandardCharsets.US_ASCII);
	}

	/**
	 * Decode an AE title or version name: ASCII, without leading and trailing spaces (and
	 * NULs).
	 */
	private static String trimmed(byte[] bytes) {
		int start = 0;
		int end = bytes.length;
		while (start < end && isPadding(bytes[start])) {
			start++;
		}
		while (end > start && isPadding(bytes[end - 1])) {
			end--;
		}
		return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
	}

	private static boolean isPadding(byte b) {
		return b == ' ' || b == 0;
	}

	@FunctionalInterface
	private interface ContextDecoder<C> {

		C decode(ItemCursor item) throws DicomProtocolException;

	}

	private record Fields<C>(int protocolVersion, String calledAeTitle, String callingAeTitle,
			String applicationContextName, List<C> contexts, UserInformation userInformation) {
	}

}
