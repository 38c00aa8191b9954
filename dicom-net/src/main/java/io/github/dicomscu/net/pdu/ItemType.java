package io.github.dicomscu.net.pdu;

/**
 * Item-type field of the items and sub-items of A-ASSOCIATE-RQ and A-ASSOCIATE-AC PDUs
 * (PS3.8 section 9.3.2, 9.3.3 and Annex D, PS3.7 Annex D).
 */
enum ItemType implements PduCode {

	APPLICATION_CONTEXT(0x10, "application context item"),

	PRESENTATION_CONTEXT_RQ(0x20, "presentation context item"),

	PRESENTATION_CONTEXT_AC(0x21, "presentation context item"),

	ABSTRACT_SYNTAX(0x30, "abstract syntax sub-item"),

	TRANSFER_SYNTAX(0x40, "transfer syntax sub-item"),

	USER_INFORMATION(0x50, "user information item"),

	MAXIMUM_LENGTH(0x51, "maximum length sub-item"),

	IMPLEMENTATION_CLASS_UID(0x52, "implementation class UID sub-item"),

	ASYNC_OPERATIONS_WINDOW(0x53, "asynchronous operations window sub-item"),

	ROLE_SELECTION(0x54, "SCP/SCU role selection sub-item"),

	IMPLEMENTATION_VERSION_NAME(0x55, "implementation version name sub-item"),

	SOP_CLASS_EXTENDED_NEGOTIATION(0x56, "SOP class extended negotiation sub-item"),

	SOP_CLASS_COMMON_EXTENDED_NEGOTIATION(0x57, "SOP class common extended negotiation sub-item"),

	USER_IDENTITY_RQ(0x58, "user identity sub-item"),

	USER_IDENTITY_AC(0x59, "user identity server response sub-item");

	private static final PduCodeTable<ItemType> CODES = new PduCodeTable<>(values());

	private final int code;

	private final String text;

	ItemType(int code, String text) {
		this.code = code;
		this.text = text;
	}

	@Override
	public int code() {
		return this.code;
	}

	@Override
	public String text() {
		return this.text;
	}

	/**
	 * Return how messages name this item, such as
	 * {@code presentation context item (0x20)}.
	 */
	String describe() {
		return describe(this.text, this.code);
	}

	/**
	 * Return how messages name an item of the given type, known or not.
	 */
	static String describe(int code) {
		ItemType type = find(code);
		return (type != null) ? type.describe() : describe("item", code);
	}

	/**
	 * Return the item type for a code, or {@code null} if this package does not know the
	 * code.
	 */
	static ItemType find(int code) {
		return CODES.find(code);
	}

	private static String describe(String text, int code) {
		return String.format("%s (0x%02X)", text, code);
	}

}
