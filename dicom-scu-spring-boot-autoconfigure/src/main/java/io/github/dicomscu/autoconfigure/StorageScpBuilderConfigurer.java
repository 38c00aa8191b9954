package io.github.dicomscu.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.Port;
import io.github.dicomscu.net.pdu.AeTitle;
import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.scp.ScpCapacity;
import io.github.dicomscu.net.storage.StorageScp;

/**
 * Applies {@code dicom.scu.storage-scp.*} to a {@link DicomScp.Builder}: a storage SCP
 * that accepts every storage SOP class (and Verification) and writes each instance it
 * receives into the configured directory. Each value is checked by its owner (the
 * builder, with {@link io.github.dicomscu.net.pdu.AeTitle},
 * {@link io.github.dicomscu.net.association.Port} and {@link ScpCapacity}) or by the
 * rules below; a value that breaks one is collected in {@link InvalidValues} with the
 * property's name. The SCP receives with {@code dicom.scu.max-pdu-length} and
 * {@code dicom.scu.timeouts}.
 */
final class StorageScpBuilderConfigurer {

	static final String PREFIX = "dicom.scu.storage-scp";

	private final DicomScuProperties properties;

	StorageScpBuilderConfigurer(DicomScuProperties properties) {
		this.properties = properties;
	}

	/**
	 * Apply the properties to a builder, collecting the invalid values.
	 * @param builder the builder
	 * @param invalid collects the invalid values
	 * @return the builder
	 */
	DicomScp.Builder configure(DicomScp.Builder builder, InvalidValues invalid) {
		DicomScuProperties.StorageScp scp = this.properties.getStorageScp();
		boolean ownAeTitle = scp.getAeTitle() != null;
		invalid.apply(ownAeTitle ? PREFIX + ".ae-title" : AeTemplateBuilderConfigurer.PREFIX + ".ae-title",
				ownAeTitle ? scp.getAeTitle() : this.properties.getAeTitle(), builder::aeTitle,
				AeTemplateBuilderConfigurer.AE_TITLE_ACTION);
		invalid.apply(PREFIX + ".port", scp.getPort(), builder::port,
				"Set " + PREFIX + ".port to the port remotes send to, such as " + Port.DICOM + " (" + Port.EPHEMERAL
						+ " for an ephemeral one).");
		invalid.apply(PREFIX + ".allowed-calling-ae-titles", scp.getAllowedCallingAeTitles(),
				builder::allowedCallingAeTitles,
				"List the calling AE titles of the remotes that send to this application, each 1 to 16 characters of "
						+ "printable ASCII without backslash, or leave the list empty to allow any.");
		InetAddress bindAddress = invalid.check(() -> bindAddress(scp.getBindHost()));
		if (bindAddress != null) {
			builder.bindAddress(bindAddress);
		}
		AeTemplateBuilderConfigurer.maxPduLength(this.properties, builder::maxPduLength, invalid);
		AeTemplateBuilderConfigurer.maxDataSetInMemory(PREFIX + ".max-data-set-in-memory", scp.getMaxDataSetInMemory(),
				builder::maxDataSetInMemory, invalid);
		capacity(scp, builder, invalid);
		AssociationTimeouts timeouts = new AeTemplateBuilderConfigurer(this.properties).timeouts(invalid);
		if (timeouts != null) {
			builder.timeouts(timeouts);
		}
		Path directory = invalid.check(() -> directory(scp.getDirectory()));
		return (directory != null) ? StorageScp.toDirectory(directory).addTo(builder) : builder;
	}

	private static void capacity(DicomScuProperties.StorageScp scp, DicomScp.Builder builder, InvalidValues invalid) {
		String action = "Use a number between 1 and " + ScpCapacity.MAXIMUM + ".";
		invalid.apply(PREFIX + ".max-associations", scp.getMaxAssociations(), builder::maxAssociations, action);
		invalid.apply(PREFIX + ".max-associations-per-calling-ae-title", scp.getMaxAssociationsPerCallingAeTitle(),
				builder::maxAssociationsPerCallingAeTitle, action);
		invalid.apply(PREFIX + ".max-pending-connections", scp.getMaxPendingConnections(),
				builder::maxPendingConnections, action);
	}

	/**
	 * Return whether a storage SCP bound to the given host can be reached from beyond
	 * this machine: when the host is unset or blank (every interface), a wildcard
	 * address, or any address other than a loopback one.
	 * @param bindHost the {@code bind-host} property, or {@code null}
	 * @return whether the SCP listens beyond loopback
	 */
	static boolean isBeyondLoopback(String bindHost) {
		if (bindHost == null || bindHost.isBlank()) {
			return true;
		}
		try {
			return !InetAddress.getByName(bindHost.strip()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return true;
		}
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
			throw new DicomScuConfigurationException(property, directory,
					"the directory cannot be created (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")",
					"Set " + property + " to a directory this application can create and write to.", ex);
		}
		if (!Files.isWritable(directory)) {
			throw new DicomScuConfigurationException(property, directory, "the directory is not writable",
					"Set " + property + " to a directory this application can write to.", null);
		}
		return directory;
	}

}
