package io.github.dicomscu.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Properties of every decoder that reads bytes from a peer or a file: whatever the input
 * (mutations of valid encodings, or arbitrary bytes), decoding returns a value or throws
 * the exception its API documents, within {@link #BOUND}; never an {@link Error}, an
 * unexpected runtime exception, or a hang. Each property runs {@link #TRIES} random
 * inputs from a seed that a failure names; {@code -Dfuzz.seed=…} replays it.
 * {@link DecoderFuzz} runs the same targets for minutes.
 */
class DecoderPropertyTests {

	private static final int TRIES = 200;

	private static final Duration BOUND = Duration.ofSeconds(5);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "decoder-property");
		thread.setDaemon(true);
		return thread;
	});

	@TempDir
	Path directory;

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	@ParameterizedTest
	@EnumSource(FuzzTarget.class)
	void seedsDecode(FuzzTarget target) throws Throwable {
		Path scratch = this.directory.resolve("seed.dcm");
		List<byte[]> seeds = target.seeds();
		assertThat(seeds).isNotEmpty();
		for (byte[] seed : seeds) {
			assertThat(target.accepts(seed, scratch)).as(HexFormat.of().formatHex(seed)).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(FuzzTarget.class)
	void mutatedEncodingsDecodeOrFailWithTheDocumentedException(FuzzTarget target) throws Exception {
		List<byte[]> seeds = target.seeds();
		assertThat(refusals(target, (mutator) -> mutator.mutate(seeds)))
			.as("inputs refused with the documented exception")
			.isPositive();
	}

	@ParameterizedTest
	@EnumSource(FuzzTarget.class)
	void arbitraryBytesDecodeOrFailWithTheDocumentedException(FuzzTarget target) throws Exception {
		assertThat(refusals(target, Mutator::arbitrary)).as("inputs refused with the documented exception")
			.isPositive();
	}

	private int refusals(FuzzTarget target, Function<Mutator, byte[]> inputs) throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		Mutator mutator = new Mutator(new SplittableRandom(seed));
		Path scratch = this.directory.resolve("input.dcm");
		int decoded = 0;
		for (int i = 0; i < TRIES; i++) {
			byte[] input = inputs.apply(mutator);
			Future<Boolean> outcome = this.executor.submit(() -> {
				try {
					return target.accepts(input, scratch);
				}
				catch (Throwable ex) {
					throw new UndocumentedFailure(ex);
				}
			});
			try {
				decoded += outcome.get(BOUND.toMillis(), TimeUnit.MILLISECONDS) ? 1 : 0;
			}
			catch (TimeoutException ex) {
				outcome.cancel(true);
				fail("%s did not return within %s (seed %d, try %d) for %s", target, BOUND, seed, i, hex(input));
			}
			catch (ExecutionException ex) {
				throw new AssertionError("%s threw an undocumented %s (seed %d, try %d) for %s".formatted(target,
						ex.getCause().getCause(), seed, i, hex(input)), ex.getCause().getCause());
			}
		}
		return TRIES - decoded;
	}

	private static String hex(byte[] input) {
		return input.length + " bytes " + HexFormat.of().formatHex(input);
	}

	private static final class UndocumentedFailure extends Exception {

		UndocumentedFailure(Throwable cause) {
			super(cause);
		}

	}

}
