package io.github.dicomscu.scu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.github.dicomscu.net.storage.StoreContexts;
import io.github.dicomscu.net.storage.StoreInstance;
import io.github.dicomscu.net.storage.StoreResult;

/**
 * The files of one {@link AeOperations#storeAll(String, java.util.Collection) storeAll}:
 * read into instances, split into batches of which each fits the 128 contexts of one
 * association, and sent batch by batch, with one result per file in the order of the
 * files. A file that cannot be read, or is truncated or malformed, is {@code NOT_SENT}
 * and opens no association.
 */
final class StoreBatches {

	private final StoreResult[] results;

	private final List<StoreInstance> instances = new ArrayList<>();

	private final List<Integer> positions = new ArrayList<>();

	/**
	 * Read the files; those that cannot be read get their result at once.
	 * @param files the Part 10 files
	 */
	StoreBatches(Collection<Path> files) {
		this.results = new StoreResult[files.size()];
		int position = 0;
		for (Path file : files) {
			try {
				this.instances.add(StoreInstance.of(file));
				this.positions.add(position);
			}
			catch (IOException ex) {
				this.results[position] = StoreResult.notSent(null, null,
						"Cannot read " + file + ": " + ex.getMessage());
			}
			position++;
		}
	}

	/**
	 * Send the instances read, each batch over an association of its own. If the
	 * association of a batch after the first fails, the instances of that batch are
	 * {@code NOT_SENT} with the reason.
	 * @param oneBatch whether to send every instance over one association, as when the
	 * remote has contexts of its own
	 * @param association sends one batch over one association, one result per instance
	 * @return one result per file, in the order of the files
	 * @throws DicomAccessException if the association of the first batch fails
	 */
	List<StoreResult> send(boolean oneBatch, Function<List<StoreInstance>, List<StoreResult>> association) {
		List<List<StoreInstance>> batches = (oneBatch && !this.instances.isEmpty()) ? List.of(this.instances)
				: StoreContexts.batches(this.instances);
		int done = 0;
		for (List<StoreInstance> batch : batches) {
			List<StoreResult> sent;
			try {
				sent = association.apply(batch);
			}
			catch (DicomAccessException ex) {
				if (done == 0) {
					throw ex;
				}
				sent = batch.stream()
					.map((instance) -> StoreResult.notSent(instance.sopInstanceUid(), instance.sopClassUid(),
							"The association for this batch of instances failed: " + ex.getMessage()))
					.toList();
			}
			for (int i = 0; i < sent.size(); i++) {
				this.results[this.positions.get(done + i)] = sent.get(i);
			}
			done += batch.size();
		}
		return List.of(this.results);
	}

}
