package io.github.dicomscu.data;

/**
 * Text that came from a peer or a file (AE titles, UIDs, error comments, implementation
 * version names, messages that quote them), made safe to log: CR, LF, tab, ESC, every
 * other C0 and C1 control character and DEL are written as escapes ({@code \r},
 * {@code \n}, {@code \t}, {@code \u001B}, …) and a backslash is doubled, so one log
 * statement always stays one line and cannot move the terminal's cursor or colours.
 * <p>
 * {@link #of(Object)} defers the escaping to {@link #toString()}, which a logging
 * framework calls only when the message is written, so a log argument costs nothing on a
 * hot path when its level is disabled. {@link #escapeControls(String)} is for the
 * messages of exceptions, which may quote wire text and embed one another's messages: it
 * escapes the control characters alone, so escaping a message twice changes nothing.
 */
public final class PrintableText {

	private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

	private final Object value;

	private final boolean backslashes;

	private PrintableText(Object value, boolean backslashes) {
		this.value = value;
		this.backslashes = backslashes;
	}

	/**
	 * Return a log argument whose {@link #toString()} is the escaped
	 * {@code String.valueOf(value)}.
	 * @param value the text, or any object whose string form may carry peer text; may be
	 * {@code null}
	 * @return the lazily escaped text
	 */
	public static PrintableText of(Object value) {
		return new PrintableText(value, true);
	}

	/**
	 * Return a log argument for the message of an exception, whose {@link #toString()} is
	 * {@link #escapeControls(String) escapeControls} of {@code String.valueOf(message)}:
	 * the engine's exceptions escape the wire text they quote when they are created, so
	 * the message is not escaped a second time, yet a control character of any other
	 * message is.
	 * @param message the message; may be {@code null}
	 * @return the lazily escaped message
	 */
	public static PrintableText ofMessage(String message) {
		return new PrintableText(message, false);
	}

	/**
	 * Escape control characters and backslashes.
	 * @param text the text; may be {@code null}
	 * @return the text with every control character escaped and every backslash doubled,
	 * {@code "null"} for {@code null}, or the same instance if nothing needs escaping
	 */
	public static String escape(String text) {
		return escape(text, true);
	}

	/**
	 * Escape control characters only, leaving backslashes as they are, so that text
	 * escaped already (by this method or by {@link #escape(String)}) stays as it is: for
	 * the message of an exception that quotes wire text or another exception's message.
	 * @param text the text; may be {@code null}
	 * @return the text with every control character escaped, {@code null} for
	 * {@code null}, or the same instance if nothing needs escaping
	 */
	public static String escapeControls(String text) {
		return (text != null) ? escape(text, false) : null;
	}

	private static String escape(String text, boolean backslashes) {
		if (text == null) {
			return "null";
		}
		int first = 0;
		while (first < text.length() && !needsEscape(text.charAt(first), backslashes)) {
			first++;
		}
		if (first == text.length()) {
			return text;
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (needsEscape(c, backslashes)) {
				appendEscaped(escaped, c);
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static boolean needsEscape(char c, boolean backslashes) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (backslashes && c == '\\');
	}

	private static void appendEscaped(StringBuilder out, char c) {
		switch (c) {
			case '\\' -> out.append("\\\\");
			case '\r' -> out.append("\\r");
			case '\n' -> out.append("\\n");
			case '\t' -> out.append("\\t");
			default -> out.append("\\u")
				.append(HEX_DIGITS[(c >> 12) & 0xF])
				.append(HEX_DIGITS[(c >> 8) & 0xF])
				.append(HEX_DIGITS[(c >> 4) & 0xF])
				.append(HEX_DIGITS[c & 0xF]);
		}
	}

	@Override
	public String toString() {
		return escape(String.valueOf(this.value), this.backslashes);
	}

}
