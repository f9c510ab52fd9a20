package io.oris.storage;

/**
 * What a writer knows about a dataset before its statistics are computed: env and dims, provenance and
 * the fingerprint of its inputs. {@link StagedDataset#commit} adds rows, episodes, return statistics and
 * parts to make the {@link Manifest}.
 *
 * @param dims        env name and widths
 * @param fingerprint sha256 of the inputs and the output-shaping options (see {@link Manifest#fingerprint()})
 * @param source      where the data came from
 * @param made        how it was made
 * @param lineage     parent of a derived dataset, else null
 */
public record DatasetDescription(EnvDims dims, String fingerprint, Manifest.Source source, Manifest.Made made,
        Manifest.Lineage lineage) {
}
