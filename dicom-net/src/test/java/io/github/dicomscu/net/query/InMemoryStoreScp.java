package io.github.dicomscu.net.query;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetReader;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandField;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.scp.DicomScp;

/**
 * A storage SCP for move tests: our {@link DicomScp} with a C-STORE handler that decodes
 * each data set and keeps it in memory by SOP Instance UID, optionally pausing before it
 * answers.
 */
final class InMemoryStoreScp implements AutoCloseable {

	private final Map<String, DataSet> received = new ConcurrentHashMap<>();

	private final DicomScp scp;

	private volatile Duration delay = Duration.ZERO;

	InMemoryStoreScp(String aeTitle) throws IOException {
		this.scp = DicomScp.builder()
			.aeTitle(aeTitle)
			.accept("CTImageStorage")
			.accept("MRImageStorage")
			.handler(CommandField.C_STORE_RQ, (association, request) -> {
				Command command = request.command();
				NegotiatedContext context = association.getContext(request.contextId()).orElseThrow();
				int status = Status.SUCCESS;
				try {
					DataSet dataSet = new DataSetReader(TransferSyntax.of(context.transferSyntax()))
						.read(request.dataSet());
					this.received.put(command.affectedSopInstanceUid(), dataSet);
					Thread.sleep(this.delay.toMillis());
				}
				catch (DicomParseException ex) {
					status = Status.CANNOT_UNDERSTAND;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				association.send(request.contextId(), Command.storeRsp(command, status));
			})
			.build()
			.start();
	}

	int port() {
		return this.scp.getPort();
	}

	/**
	 * Pause this long before answering each C-STORE-RQ.
	 * @param delay the pause
	 */
	void delay(Duration delay) {
		this.delay = delay;
	}

	Map<String, DataSet> received() {
		return this.received;
	}

	@Override
	public void close() {
		this.scp.stop();
	}

}
