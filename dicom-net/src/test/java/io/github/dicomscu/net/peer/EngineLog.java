package io.github.dicomscu.net.peer;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures what the engine logs (everything under {@code io.github.dicomscu}, from DEBUG
 * up) during each test, for tests that hold a hostile peer to one WARN line. Register it
 * with {@code @RegisterExtension}.
 */
public final class EngineLog implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger = (Logger) LoggerFactory.getLogger("io.github.dicomscu");

	private ListAppender<ILoggingEvent> appender;

	private Level level;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender = new ListAppender<>();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.level);
	}

	/**
	 * Return the events captured so far.
	 * @return the events
	 */
	public List<ILoggingEvent> events() {
		return this.appender.list;
	}

	/**
	 * Assert that exactly one event of WARN or above was captured, a WARN line without a
	 * stack trace, and return it.
	 * @return the warning
	 */
	public ILoggingEvent onlyWarning() {
		List<ILoggingEvent> warnings = this.appender.list.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).getLevel()).isEqualTo(Level.WARN);
		assertThat(warnings.get(0).getThrowableProxy()).isNull();
		return warnings.get(0);
	}

}
