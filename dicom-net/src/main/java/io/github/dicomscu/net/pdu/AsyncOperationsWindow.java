package io.github.dicomscu.net.pdu;

/**
 * The asynchronous operations window negotiation sub-item (53H) of the user information
 * item (PS3.7 section D.3.3.3): how many operations may be outstanding at once, 0 meaning
 * unlimited.
 *
 * @param invoked the maximum number of operations invoked, 0 to 65535
 * @param performed the maximum number of operations performed, 0 to 65535
 */
public record AsyncOperationsWindow(int invoked, int performed) {

	public AsyncOperationsWindow {
		if (invoked < 0 || invoked > 0xFFFF || performed < 0 || performed > 0xFFFF) {
			throw new IllegalArgumentException(
					"Asynchronous operations window " + invoked + "/" + performed + " does not fit in 16 bits");
		}
	}

}
