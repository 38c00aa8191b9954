package io.github.dicomscu.net.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * A SOP class extended negotiation sub-item (56H) of the user information item (PS3.7
 * section D.3.3.5): service class specific application information for one SOP class.
 * Immutable; two instances are equal when their UIDs and information bytes are equal.
 *
 * @param sopClassUid the SOP class UID
 * @param applicationInformation the service-class-application-information field
 */
public record SopClassExtendedNegotiation(String sopClassUid, byte[] applicationInformation) {

	public SopClassExtendedNegotiation {
		Objects.requireNonNull(sopClassUid, "'sopClassUid' must not be null");
		applicationInformation = Objects
			.requireNonNull(applicationInformation, "'applicationInformation' must not be null")
			.clone();
	}

	@Override
	public byte[] applicationInformation() {
		return this.applicationInformation.clone();
	}

	@Override
	public boolean equals(Object other) {
		return this == other
				|| (other instanceof SopClassExtendedNegotiation that && this.sopClassUid.equals(that.sopClassUid)
						&& Arrays.equals(this.applicationInformation, that.applicationInformation));
	}

	@Override
	public int hashCode() {
		return 31 * this.sopClassUid.hashCode() + Arrays.hashCode(this.applicationInformation);
	}

	@Override
	public String toString() {
		return "SopClassExtendedNegotiation[sopClassUid=" + this.sopClassUid + ", applicationInformation="
				+ Arrays.toString(this.applicationInformation) + "]";
	}

}
