package io.github.dicomscu.health;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.DicomAccessException;
import io.github.dicomscu.scu.EchoResult;
import io.github.dicomscu.scu.RemoteAe;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for one remote AE of an {@link AeOperations}: a C-ECHO on an
 * association of its own that proposes Verification only (whatever the remote's requested
 * contexts are), bounded as a whole by a short timeout: connect, association, C-ECHO and
 * release together end within it, however slowly a remote answers or drips its bytes (see
 * {@link AeOperations#echo(String, List, Duration)}). UP when the remote answers Success;
 * DOWN with the status, or with the error's message when the echo fails. The details name
 * the remote (AE title, host, port) and give the status, the round trip in milliseconds
 * and the peer's implementation class UID and version name.
 * <p>
 * Created with {@link DicomHealthProbes}, the indicators of several remotes echo them all
 * at once; created with an {@link AeOperations} alone, an indicator echoes its remote in
 * the thread that asks for its health.
 */
public class DicomHealthIndicator extends AbstractHealthIndicator {

	private final RemoteAe remote;

	private final Supplier<EchoResult> echo;

	/**
	 * Create an indicator for a remote of an {@link AeOperations}.
	 * @param operations the operations that know the remote by its name
	 * @param remote the remote
	 * @param timeout the timeout of the whole check: connect, association, C-ECHO and
	 * release together
	 */
	public DicomHealthIndicator(AeOperations operations, RemoteAe remote, Duration timeout) {
		this(remote, () -> operations.echo(remote.name(), DicomHealthProbes.VERIFICATION, timeout));
	}

	/**
	 * Create an indicator for a remote that takes its outcome from probes that check it
	 * with other remotes.
	 * @param probes the probes, which check the remote
	 * @param remote the remote, one of the probes' remotes
	 * @throws IllegalArgumentException if the probes do not check the remote
	 */
	public DicomHealthIndicator(DicomHealthProbes probes, RemoteAe remote) {
		this(remote, () -> probes.echo(remote.name()));
		if (!probes.getRemotes().containsKey(remote.name())) {
			throw new IllegalArgumentException("The health probes do not check remote '" + remote.name() + "'");
		}
	}

	private DicomHealthIndicator(RemoteAe remote, Supplier<EchoResult> echo) {
		super("DICOM health check of remote '" + remote.name() + "' failed");
		this.remote = Objects.requireNonNull(remote, "remote");
		this.echo = echo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("aeTitle", this.remote.aeTitle())
			.withDetail("host", this.remote.host())
			.withDetail("port", this.remote.port());
		EchoResult result;
		try {
			result = this.echo.get();
		}
		catch (DicomAccessException ex) {
			builder.down().withDetail("error", ex.getMessage());
			return;
		}
		builder.status(result.isSuccess() ? Status.UP : Status.DOWN)
			.withDetail("status", String.format("0x%04X", result.status()))
			.withDetail("statusText", result.statusText())
			.withDetail("roundTripMs", result.roundTrip().toMillis())
			.withDetail("implementationClassUid", result.implementationClassUid());
		if (result.implementationVersionName() != null) {
			builder.withDetail("implementationVersionName", result.implementationVersionName());
		}
	}

}
