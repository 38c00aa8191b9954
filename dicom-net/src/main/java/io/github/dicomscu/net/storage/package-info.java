/**
 * The Storage service class (PS3.4 Annex B) over C-STORE: the service user
 * ({@link io.github.dicomscu.net.storage.StoreScu}) sends Part 10 files and data sets on
 * the presentation contexts {@link io.github.dicomscu.net.storage.StoreContexts} derives
 * from them, converting between uncompressed transfer syntaxes where needed and reporting
 * the fate of every instance; the service provider
 * ({@link io.github.dicomscu.net.storage.StorageScp}) receives data sets into Part 10
 * files. Data sets are streamed both ways, never held whole.
 */
package io.github.dicomscu.net.storage;
