package io.github.dicomscu.net.peer;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What memory tests need to run a main class in a JVM of its own (such as one at
 * {@code -Xmx64m}): the running JVM's {@code java} executable and a class path made of
 * the locations of the given classes.
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * Return the {@code java} executable of the running JVM.
	 * @return its path
	 */
	public static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Return a class path holding the jar or directory of each class, and of SLF4J and
	 * Logback.
	 * @param classes classes whose locations the child needs
	 * @return the class path
	 */
	public static String classpath(Class<?>... classes) {
		List<Class<?>> all = new ArrayList<>(List.of(classes));
		all.addAll(List.of(org.slf4j.Logger.class, ch.qos.logback.classic.Logger.class,
				ch.qos.logback.core.Appender.class));
		return all.stream().map(ChildJvm::location).distinct().collect(Collectors.joining(File.pathSeparator));
	}

	private static String location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
