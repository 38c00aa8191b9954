package io.github.dicomscu.net.pdu;

/**
 * A value of a one-byte PDU or item field that the standard defines by a code, such as
 * the PDU-type or the Source of an A-ABORT. Implemented by enums whose constants each
 * stand for one code from 0 to 255; each such enum finds its constant for a code in one
 * array access.
 */
public interface PduCode {

	/**
	 * Return the value the field holds on the wire.
	 * @return the code, 0 to 255
	 */
	int code();

	/**
	 * Return the name the standard gives the value, such as {@code service-provider}.
	 * @return the text
	 */
	String text();

}
