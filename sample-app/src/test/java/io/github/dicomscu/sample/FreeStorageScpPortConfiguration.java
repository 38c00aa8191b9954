package io.github.dicomscu.sample;

import io.github.dicomscu.net.peer.DcmtkPeer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Runs the storage SCP, and with it the remote {@code local} that {@code application.yml}
 * points at its port, on a port that is free when the context starts rather than on the
 * fixed port of {@code application.yml}. Registrar beans are applied before the other
 * singletons are created, so the port is set before {@code dicom.scu.*} is bound.
 */
@TestConfiguration(proxyBeanMethods = false)
class FreeStorageScpPortConfiguration {

	@Bean
	DynamicPropertyRegistrar freeStorageScpPort() {
		int port = DcmtkPeer.freePort();
		return (registry) -> registry.add("dicom.scu.storage-scp.port", () -> port);
	}

}
