package io.github.dicomscu.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.scu.AeTemplate;
import io.github.dicomscu.scu.RemoteAe;

/**
 * The {@code dicom.scu} properties mapped and checked once: a template builder with every
 * property applied, the storage SCP's builder when the SCP is enabled, and the remotes.
 * Every bean that uses the properties depends on these settings, so the mapping runs once
 * per startup and a startup with invalid values fails with one
 * {@link DicomScuConfigurationException} that names each of them, whichever bean is
 * created first.
 */
final class DicomScuSettings {

	private final AeTemplate.Builder template;

	private final DicomScp.Builder storageScp;

	private final Map<String, RemoteAe> remotes;

	/**
	 * Map and check every {@code dicom.scu} property, the storage SCP's only when it is
	 * enabled.
	 * @param properties the properties
	 * @throws DicomScuConfigurationException naming every invalid value
	 */
	DicomScuSettings(DicomScuProperties properties) {
		InvalidValues invalid = new InvalidValues();
		AeTemplate.Builder template = AeTemplate.builder();
		new AeTemplateBuilderConfigurer(properties).configure(template, invalid);
		DicomScp.Builder storageScp = properties.getStorageScp().isEnabled()
				? new StorageScpBuilderConfigurer(properties).configure(DicomScp.builder(), invalid) : null;
		invalid.throwIfAny();
		this.template = template;
		this.storageScp = storageScp;
		this.remotes = Collections.unmodifiableMap(new LinkedHashMap<>(template.remotes()));
	}

	/**
	 * Return the template builder with every property applied. It is the builder itself,
	 * not a copy: the one bean that builds the template customizes and builds it.
	 * @return the template builder
	 */
	AeTemplate.Builder templateBuilder() {
		return this.template;
	}

	/**
	 * Return the storage SCP builder with every {@code dicom.scu.storage-scp} property
	 * applied. It is the builder itself, not a copy, for the one bean that builds the
	 * SCP.
	 * @return the storage SCP builder, or {@code null} if the storage SCP is not enabled
	 */
	DicomScp.Builder storageScpBuilder() {
		return this.storageScp;
	}

	/**
	 * Return the {@code dicom.scu.remotes}, each checked by its owner, as they were
	 * mapped (before any customizer ran).
	 * @return the remotes by name, in configuration order
	 */
	Map<String, RemoteAe> remotes() {
		return this.remotes;
	}

}
