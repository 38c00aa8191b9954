package io.github.dicomscu.autoconfigure;

import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks the user identity passcodes and tokens of {@code dicom.scu.remotes} in the
 * actuator's {@code configprops} and {@code env} endpoints, even with
 * {@code show-values=always}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class DicomScuSanitizingConfiguration {

	static final Pattern CREDENTIAL_KEY = Pattern
		.compile("dicom\\.scu\\.remotes\\..+\\.user-?identity\\.(passcode|token)", Pattern.CASE_INSENSITIVE);

	@Bean
	SanitizingFunction dicomScuCredentialSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(CREDENTIAL_KEY);
	}

}
