"""Ray Data and datatrove, for real: run by `cargo xtask test` when they are installed."""

import json
import os
import sys
import tempfile
import unittest
from pathlib import Path

import zhclean

try:
    import ray
except ImportError:
    ray = None

try:
    import datatrove
except ImportError:
    datatrove = None

try:
    import pyspark
except ImportError:
    pyspark = None

import shutil

TEXTS = [f"第{i}段,双方指出,合作。\n\n双方认为，发展\n前景。" for i in range(10_000)]


@unittest.skipIf(ray is None, "ray is not installed")
class RayTest(unittest.TestCase):
    def test_map_batches_over_arrow_gives_what_clean_gives(self):
        import zhclean.ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
        try:
            ds = ray.data.from_items([{"id": i, "text": t} for i, t in enumerate(TEXTS)])
            ds = ds.map_batches(zhclean.ray.Cleaner, batch_format="pyarrow", concurrency=2, batch_size=1000)
            rows = sorted(ds.take_all(), key=lambda row: row["id"])
        finally:
            ray.shutdown()
        expected = [r.text for r in zhclean.clean_batch(TEXTS)]
        self.assertEqual([row["text"] for row in rows], expected)
        self.assertEqual({row["zhclean_edits"] for row in rows}, {len(zhclean.clean(TEXTS[0]).edits)})


@unittest.skipIf(datatrove is None, "datatrove is not installed")
class DatatroveTest(unittest.TestCase):
    def test_a_local_pipeline_cleans_a_jsonl_file(self):
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.readers import JsonlReader
        from datatrove.pipeline.writers import JsonlWriter

        from zhclean.datatrove import ZhcleanFormatter

        with tempfile.TemporaryDirectory() as tmp:
            source, output = Path(tmp, "in"), Path(tmp, "out")
            source.mkdir()
            with open(source / "docs.jsonl", "w", encoding="utf-8") as f:
                for i, text in enumerate(TEXTS[:500]):
                    f.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
            steps = [JsonlReader(str(source)), ZhcleanFormatter(), JsonlWriter(str(output), compression=None)]
            LocalPipelineExecutor(steps, tasks=1, workers=1, logging_dir=str(Path(tmp, "logs"))).run()
            written = [json.loads(line) for path in sorted(output.glob("*.jsonl")) for line in open(path, encoding="utf-8")]
        self.assertEqual([d["text"] for d in written], [zhclean.clean(t).text for t in TEXTS[:500]])
        self.assertTrue(all(d["metadata"]["zhclean"]["edits"] > 0 for d in written))


@unittest.skipIf(pyspark is None or shutil.which("java") is None, "pyspark or Java is not installed")
class SparkTest(unittest.TestCase):
    def test_map_in_arrow_on_two_local_cores_gives_what_clean_gives(self):
        from pyspark.sql import SparkSession

        from zhclean.spark import clean_arrow_batches, schema_with_counts

        # The Python workers run this interpreter, the one with zhclean installed.
        os.environ["PYSPARK_PYTHON"] = sys.executable

        spark = SparkSession.builder.master("local[2]").appName("zhclean-test").getOrCreate()
        try:
            df = spark.createDataFrame([(i, t) for i, t in enumerate(TEXTS[:2000])], "id long, text string")
            cleaned = df.mapInArrow(clean_arrow_batches("text"), schema_with_counts(df.schema))
            rows = sorted(cleaned.collect(), key=lambda row: row["id"])
        finally:
            spark.stop()
        self.assertEqual([row["text"] for row in rows], [r.text for r in zhclean.clean_batch(TEXTS[:2000])])
        self.assertTrue(all(row["zhclean_edits"] > 0 for row in rows))


if __name__ == "__main__":
    unittest.main()
