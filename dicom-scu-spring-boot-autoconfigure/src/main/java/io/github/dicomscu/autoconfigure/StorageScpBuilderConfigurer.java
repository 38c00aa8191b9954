package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.dicomscu.net.association.AeTitle;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;

/**
 * Applies {@code dicom.scu.storage-scp.*} to a {@link DicomScp.Builder}: a storage SCP that
 * accepts every storage SOP class (and Verification) and writes each instance it receives
 * into the configured directory. Every value is checked first: a value that breaks a rule fails
 * with a {@link DicomScuConfigurationException} naming the property. The SCP receives with
 * {@code dicom.scu.max-pdu-length} and {@code dicom.scu.timeouts}.
 */
final class StorageScpBuilderConfigurer {

	static final String PREFIX = "dicom.scu.storage-scp";

	private final DicomScuProperties properties;

	StorageScpBuilderConfigurer(DicomScuProperties properties) {
		this.properties = properties;
	}

	/**
	 * Apply the properties to a builder.
	 * @param builder the builder
	 * @return the builder
	 * @throws DicomScuConfigurationException if a property value is invalid
	 */
	DicomScp.Builder configure(DicomScp.Builder builder) {
		DicomScuProperties.StorageScp scp = this.properties.getStorageScp();
		AeTemplateBuilderConfigurer shared = new AeTemplateBuilderConfigurer(this.properties);
		builder.aeTitle(aeTitle(scp))
			.port(port(scp.getPort()))
			.bindAddress(bindAddress(scp.getBindHost()))
			.maxPduLength(shared.maxPduLength())
			.timeouts(shared.timeouts());
		return StorageScp.toDirectory(directory(scp.getDirectory())).addTo(builder);
	}

	private String aeTitle(DicomScuProperties.StorageScp scp) {
		boolean own = scp.getAeTitle() != null;
		String aeTitle = own ? scp.getAeTitle() : this.properties.getAeTitle();
		String problem = AeTitle.problemWith(aeTitle);
		if (problem != null) {
			throw new DicomScuConfigurationException(own ? PREFIX + ".ae-title" : "dicom.scu.ae-title", aeTitle,
					"invalid AE title of the storage SCP: " + problem,
					"Use 1 to 16 characters of printable ASCII without backslash as the AE title.", null);
		}
		return aeTitle.strip();
	}

	private static int port(int port) {
		if (port < 0 || port > 65535) {
			throw new DicomScuConfigurationException(PREFIX + ".port", port, "it is outside 0-65535",
					"Set " + PREFIX + ".port to the port remotes send to, such as 11112 (0 for an ephemeral one).",
					null);
		}
		return port;
	}

	private static InetAddress bindAddress(String host) {
		if (host == null || host.isBlank()) {
			return new InetSocketAddress(0).getAddress();
		}
		String property = PREFIX + ".bind-host";
		String action = "Use a host name or the IPv4 or IPv6 address of a local interface, or remove " + property
				+ " to listen on every interface.";
		InetAddress address;
		try {
			address = InetAddress.getByName(host.strip());
		}
		catch (UnknownHostException ex) {
			throw new DicomScuConfigurationException(property, host, "the host cannot be resolved", action, ex);
		}
		if (!isLocal(address)) {
			throw new DicomScuConfigurationException(property, host,
					address.getHostAddress() + " is not an address of this machine", action, null);
		}
		return address;
	}

	private static boolean isLocal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
			return true;
		}
		try {
			return NetworkInterface.getByInetAddress(address) != null;
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static Path directory(Path directory) {
		String property = PREFIX + ".directory";
		if (directory == null) {
			throw new DicomScuConfigurationException(property, null,
					"the storage SCP is enabled, but has no directory to write the instances it receives to",
					"Set " + property + " to a writable directory, or set " + PREFIX + ".enabled to false.", null);
		}
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new DicomScuConfigurationException(property, directory, "the directory cannot be created ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")",
					"Set " + property + " to a directory this application can create and write to.", ex);
		}
		if (!Files.isWritable(directory)) {
			throw new DicomScuConfigurationException(property, directory, "the directory is not writable",
					"Set " + property + " to a directory this application can write to.", null);
		}
		return directory;
	}

}
