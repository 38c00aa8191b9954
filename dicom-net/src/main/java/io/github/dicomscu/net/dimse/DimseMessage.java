package io.github.dicomscu.net.dimse;

/**
 * A complete DIMSE message as exchanged on an association: the presentation context it
 * travelled on, its command set and, when the command announces one, its encoded data
 * set.
 *
 * @param contextId the presentation context id
 * @param command the command set
 * @param dataSet the data set bytes in the context's transfer syntax, or {@code null}
 */
public record DimseMessage(int contextId, Command command, byte[] dataSet) {

	@Override
	public String toString() {
		return command.commandField().text() + " on context " + this.contextId
				+ ((this.dataSet != null) ? " with a " + this.dataSet.length + "-byte data set" : "");
	}

}
