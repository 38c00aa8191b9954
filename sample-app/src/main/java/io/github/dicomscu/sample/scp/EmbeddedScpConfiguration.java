package io.github.dicomscu.sample.scp;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the {@link EmbeddedScp}, so that the sample has a peer without a PACS: the remote
 * {@code local} in {@code application.yml} points at it. C-ECHO and C-STORE to {@code local}
 * work; C-FIND, C-MOVE and C-GET fail with a typed error, as the embedded SCP has no
 * Query/Retrieve service. The SCP listens as soon as the bean exists, so that its port is
 * known before {@code dicom.scu.*} is bound, and stops with the context. Switched off with
 * {@code sample.embedded-scp.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.embedded-scp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedScpProperties.class)
public class EmbeddedScpConfiguration {

	@Bean(destroyMethod = "stop")
	EmbeddedScp embeddedScp(EmbeddedScpProperties properties) throws IOException {
		return EmbeddedScp.start(properties);
	}

}
