package io.github.dicomscu.net.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * One presentation data value item of a P-DATA-TF PDU (PS3.8 section 9.3.5.1 and Annex
 * E): a fragment of a command or data set with its message control header. Two values are
 * equal when their fields and the content of their fragments are equal.
 * <p>
 * The fragment array is held as given, without a defensive copy, because fragments are
 * large and on the hot path of transfers: do not modify it after handing it over.
 *
 * @param contextId the presentation context id, an odd number between 1 and 255
 * @param command whether the fragment belongs to a command (bit 0 of the message control
 * header) rather than to a data set
 * @param last whether the fragment is the last one of its command or data set (bit 1)
 * @param data the fragment
 */
public record PresentationDataValue(int contextId, boolean command, boolean last, byte[] data) {

	public PresentationDataValue {
		PresentationContextId.check(contextId);
		Objects.requireNonNull(data, "'data' must not be null");
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof PresentationDataValue that && this.contextId == that.contextId
				&& this.command == that.command && this.last == that.last && Arrays.equals(this.data, that.data));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.contextId, this.command, this.last, Arrays.hashCode(this.data));
	}

	@Override
	public String toString() {
		return "PresentationDataValue[contextId=" + this.contextId + ", command=" + this.command + ", last=" + this.last
				+ ", data=" + this.data.length + " bytes]";
	}

}
