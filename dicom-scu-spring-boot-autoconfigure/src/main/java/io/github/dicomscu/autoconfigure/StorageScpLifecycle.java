package io.github.dicomscu.autoconfigure;

import java.io.IOException;

import io.github.dicomscu.net.scp.DicomScp;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the auto-configured storage SCP once the application context has started, and
 * stops it (aborting the associations it serves) when the context closes. A port that
 * cannot be bound fails the startup with a {@link DicomScuConfigurationException}.
 */
class StorageScpLifecycle implements SmartLifecycle {

	private final DicomScp scp;

	private final String bindHost;

	private final int port;

	StorageScpLifecycle(DicomScp scp, DicomScuProperties.StorageScp properties) {
		this.scp = scp;
		String bindHost = properties.getBindHost();
		this.bindHost = (bindHost != null && !bindHost.isBlank()) ? bindHost.strip() : "every interface";
		this.port = properties.getPort();
	}

	@Override
	public void start() {
		try {
			this.scp.start();
		}
		catch (IOException ex) {
			String property = StorageScpBuilderConfigurer.PREFIX + ".port";
			throw new DicomScuConfigurationException(property, this.port,
					"the storage SCP cannot listen on port " + this.port + " of " + this.bindHost + ": "
							+ ex.getMessage(),
					"Stop the process that listens on port " + this.port + ", or set " + property + " to a free port.",
					ex);
		}
	}

	@Override
	public void stop() {
		this.scp.stop();
	}

	@Override
	public boolean isRunning() {
		return this.scp.isRunning();
	}

}
