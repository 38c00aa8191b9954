package io.github.dicomscu.net.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.dimse.StatusCategory;

/**
 * The fate of one instance sent with C-STORE: the peer's answer when there was one, else
 * why there was none.
 *
 * @param sopInstanceUid the SOP Instance UID, or {@code null} if it could not be read
 * @param sopClassUid the SOP Class UID, or {@code null} if it could not be read
 * @param transferSyntaxUid the transfer syntax the instance was sent in, or {@code null}
 * if it was not sent
 * @param status the status code of the C-STORE response, or -1 if none arrived
 * @param statusText the meaning of the status for C-STORE, or {@code null} if none
 * arrived
 * @param errorComment the Error Comment (0000,0902) of the response, or {@code null}
 * @param offendingElements the Offending Element (0000,0901) tags of the response (group
 * in the high 16 bits), empty if none
 * @param outcome the outcome
 * @param detail why the instance was not sent or is unconfirmed, or why an answer that
 * does not name the instance sent is a failure, else {@code null}
 */
public record StoreResult(String sopInstanceUid, String sopClassUid, String transferSyntaxUid, int status,
		String statusText, String errorComment, List<Integer> offendingElements, StoreOutcome outcome, String detail) {

	/**
	 * Create a result, checking its arguments.
	 */
	public StoreResult {
		Objects.requireNonNull(outcome, "Outcome must not be null");
		offendingElements = (offendingElements != null) ? List.copyOf(offendingElements) : List.of();
	}

	/**
	 * Return the result of an instance the peer answered. A response whose Affected SOP
	 * Instance UID (0000,1000) names another instance is a {@link StoreOutcome#FAILURE}
	 * whatever its status, with a detail naming both UIDs.
	 * @param instance the instance
	 * @param transferSyntaxUid the transfer syntax it was sent in
	 * @param response the C-STORE response
	 * @return the result
	 */
	static StoreResult answered(StoreInstance instance, String transferSyntaxUid, Command response) {
		int status = response.status();
		StatusCategory category = Status.categoryOf(status);
		StoreOutcome outcome = switch (category) {
			case SUCCESS -> StoreOutcome.SUCCESS;
			case WARNING -> StoreOutcome.WARNING;
			default -> StoreOutcome.FAILURE;
		};
		String answeredUid = response.affectedSopInstanceUid();
		String detail = null;
		if (answeredUid != null && !answeredUid.equals(instance.sopInstanceUid())) {
			outcome = StoreOutcome.FAILURE;
			detail = "The C-STORE response names SOP Instance UID " + PrintableText.escape(answeredUid)
					+ ", not the one sent; whether the peer stored this instance is unknown";
		}
		List<Integer> offending = Arrays.stream(response.getTags(CommandTag.OFFENDING_ELEMENT)).boxed().toList();
		return new StoreResult(instance.sopInstanceUid(), instance.sopClassUid(), transferSyntaxUid, status,
				Status.meaningOf(status, CommandField.C_STORE_RSP), response.errorComment(), offending, outcome,
				detail);
	}

	/**
	 * Return the result of an instance that was not sent.
	 * @param sopInstanceUid the SOP Instance UID, or {@code null} if unknown
	 * @param sopClassUid the SOP Class UID, or {@code null} if unknown
	 * @param detail why it was not sent
	 * @return the result
	 */
	public static StoreResult notSent(String sopInstanceUid, String sopClassUid, String detail) {
		return new StoreResult(sopInstanceUid, sopClassUid, null, -1, null, null, List.of(), StoreOutcome.NOT_SENT,
				detail);
	}

	/**
	 * Return the result of an instance whose fate is unknown because the association was
	 * lost.
	 * @param instance the instance
	 * @param transferSyntaxUid the transfer syntax it was being sent in, or {@code null}
	 * if its turn never came
	 * @param detail what happened to the association
	 * @return the result
	 */
	static StoreResult unconfirmed(StoreInstance instance, String transferSyntaxUid, String detail) {
		return new StoreResult(instance.sopInstanceUid(), instance.sopClassUid(), transferSyntaxUid, -1, null, null,
				List.of(), StoreOutcome.UNCONFIRMED, detail);
	}

	/**
	 * Return whether the peer confirmed that it stored the instance.
	 * @return {@code true} for {@link StoreOutcome#SUCCESS} and
	 * {@link StoreOutcome#WARNING}
	 */
	public boolean isStored() {
		return this.outcome.isStored();
	}

}
