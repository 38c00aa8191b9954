package io.github.dicomscu.net.dimse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageIdSequence}.
 */
class MessageIdSequenceTests {

	@Test
	void startsAtOneAndWrapsAfter65535SkippingZero() {
		MessageIdSequence sequence = new MessageIdSequence();
		for (int expected = 1; expected <= 65535; expected++) {
			assertThat(sequence.next()).isEqualTo(expected);
		}
		assertThat(sequence.next()).isEqualTo(1);
		assertThat(sequence.next()).isEqualTo(2);
	}

	@Test
	void concurrentCallersGetDistinctIds() throws Exception {
		MessageIdSequence sequence = new MessageIdSequence();
		int threads = 8;
		int drawsPerThread = 1250;
		Set<Integer> ids = ConcurrentHashMap.newKeySet();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int draw = 0; draw < drawsPerThread; draw++) {
						ids.add(sequence.next());
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(ids).hasSize(threads * drawsPerThread).allMatch((id) -> id >= 1 && id <= threads * drawsPerThread);
	}

}
