package io.github.dicomscu.net.peer;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * A DCMTK program run as a real peer in a test: started on a free loopback port with
 * {@code TCP_NODELAY=1}, its output captured to a file, stopped by its PID. When DCMTK is
 * not installed the test fails under {@code CI=true} and is skipped elsewhere.
 */
public final class DcmtkPeer implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private DcmtkPeer(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Require a DCMTK program: fail under CI, skip elsewhere, when it is missing.
	 * @param program the program name, e.g. {@code storescp}
	 * @return the program's path
	 */
	public static String require(String program) {
		String path = System.getenv("PATH");
		for (String dir : (path != null) ? path.split(File.pathSeparator) : new String[0]) {
			File candidate = new File(dir, program);
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail("DCMTK program '" + program + "' is not installed; .ci/run installs the dcmtk package");
		}
		Assumptions.abort("DCMTK program '" + program + "' is not installed (apt-get install dcmtk)");
		return null;
	}

	/**
	 * Return a free TCP port on the loopback interface.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

	/**
	 * Start a DCMTK server on a free port and wait until it accepts connections. The port
	 * is appended as the last argument.
	 * @param program the program, e.g. {@code storescp}
	 * @param arguments the arguments before the port
	 * @return the running peer
	 */
	public static DcmtkPeer startServer(String program, String... arguments) {
		return startServer(null, program, arguments);
	}

	/**
	 * Start a DCMTK server in a working directory on a free port and wait until it
	 * accepts connections. The port is appended as the last argument.
	 * @param directory the working directory, or {@code null}
	 * @param program the program
	 * @param arguments the arguments before the port
	 * @return the running peer
	 */
	public static DcmtkPeer startServer(Path directory, String program, String... arguments) {
		String executable = require(program);
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(executable);
		command.addAll(Arrays.asList(arguments));
		command.add(Integer.toString(port));
		DcmtkPeer peer = start(directory, command, port);
		peer.awaitListening(Duration.ofSeconds(10));
		return peer;
	}

	/**
	 * Run a DCMTK client to completion.
	 * @param timeout how long it may run
	 * @param program the program, e.g. {@code echoscu}
	 * @param arguments its arguments
	 * @return the result
	 */
	public static Result run(Duration timeout, String program, String... arguments) {
		String executable = require(program);
		List<String> command = new ArrayList<>();
		command.add(executable);
		command.addAll(Arrays.asList(arguments));
		DcmtkPeer peer = start(null, command, 0);
		try {
			if (!peer.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				peer.close();
				fail(program + " did not finish within " + timeout + ":\n" + peer.output());
			}
			return new Result(peer.process.exitValue(), peer.output());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			peer.close();
			throw new IllegalStateException(ex);
		}
		finally {
			peer.deleteLog();
		}
	}

	private static DcmtkPeer start(Path directory, List<String> command, int port) {
		try {
			Path log = Files.createTempFile("dcmtk-" + new File(command.get(0)).getName() + "-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("TCP_NODELAY", "1");
			if (directory != null) {
				builder.directory(directory.toFile());
			}
			return new DcmtkPeer(builder.start(), log, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + command, ex);
		}
	}

	private void awaitListening(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				String output = output();
				close();
				fail("DCMTK peer exited with " + this.process.exitValue() + " before listening:\n" + output);
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				sleep(20);
			}
		}
		String output = output();
		close();
		fail("DCMTK peer did not listen on port " + this.port + " within " + timeout + ":\n" + output);
	}

	/**
	 * Return the port the peer listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the process id.
	 * @return the PID
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Return whether the process still runs.
	 * @return whether alive
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Return what the program printed so far.
	 * @return the output
	 */
	public String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Stop the process by its PID and wait for it to end.
	 */
	@Override
	public void close() {
		ProcessHandle handle = this.process.toHandle();
		handle.descendants().forEach(ProcessHandle::destroy);
		handle.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				handle.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			handle.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		deleteLog();
	}

	private void deleteLog() {
		try {
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			// a leftover temp file is harmless
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The outcome of a DCMTK client run.
	 *
	 * @param exitCode the exit code
	 * @param output what it printed
	 */
	public record Result(int exitCode, String output) {
	}

}
