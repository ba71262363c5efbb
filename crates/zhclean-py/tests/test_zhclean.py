"""Tests of the Python package: run by `cargo xtask test` against the built wheel."""

import threading
import unittest

import zhclean


class CleanTest(unittest.TestCase):
    def test_clean_gives_the_text_the_edits_and_code_point_positions(self):
        result = zhclean.clean("双方指出,合作。")
        self.assertEqual(result.text, "双方指出，合作。\n")
        self.assertTrue(result.changed)
        edit = next(e for e in result.edits if e.rule == "halfwidth-punctuation")
        self.assertEqual((edit.code, edit.start, edit.end, edit.before, edit.after), ("ZH308", 4, 5, ",", "，"))
        self.assertEqual("双方指出,合作。"[edit.start : edit.end], ",")

    def test_correct_text_comes_through_unchanged(self):
        text = "双方指出，合作。\n\n第二段。\n"
        result = zhclean.clean(text)
        self.assertEqual(result.text, text)
        self.assertFalse(result.changed)
        self.assertEqual(result.edits, [])

    def test_check_reports_diagnostics(self):
        paragraph = "双方重申，将继续深化全面战略协作伙伴关系，推动两国在经贸、能源、科技、人文等领域的务实合作取得新的更大成果，造福两国人民。"
        text = f"{paragraph}\n\n{paragraph}\n"
        diagnostics = zhclean.check(text)
        self.assertEqual([(d.rule, d.code, d.severity) for d in diagnostics], [("duplicate-paragraph", "ZH101", "warning")])
        self.assertEqual(text[diagnostics[0].start : diagnostics[0].end], paragraph)

    def test_settings(self):
        self.assertEqual(zhclean.clean("使用Rust编写", profile="copywriting").text, "使用 Rust 编写\n")
        self.assertEqual(zhclean.clean("双方指出,合作。", disable=["ZH308"]).text, "双方指出,合作。\n")
        self.assertEqual(zhclean.clean("第一段。\n\n第二段。", paragraph_separator="newline").text, "第一段。\n第二段。\n")
        self.assertEqual(zhclean.clean("漢字", convert="t2s").text, "汉字\n")

    def test_bad_settings_raise_value_errors_with_the_cli_messages(self):
        with self.assertRaisesRegex(ValueError, "unknown rule `no-such-rule`"):
            zhclean.clean("x", disable=["no-such-rule"])
        with self.assertRaisesRegex(ValueError, "unknown profile"):
            zhclean.Cleaner(profile="nope")
        with self.assertRaisesRegex(ValueError, "threads must be at least 1"):
            zhclean.Cleaner(threads=0)

    def test_a_cleaner_on_its_own_threads_gives_what_every_core_gives(self):
        # A long document too: it is cleaned in stretches on the threads of the cleaner's pool.
        texts = [f"第{i}段,内容。" for i in range(500)] + ["双方指出,合作。\n\n" * 20000]
        expected = [(r.text, len(r.edits)) for r in zhclean.Cleaner().clean_batch(texts)]
        for threads in (1, 3):
            cleaner = zhclean.Cleaner(threads=threads)
            self.assertEqual([(r.text, len(r.edits)) for r in cleaner.clean_batch(texts)], expected)
            self.assertEqual(cleaner.clean(texts[-1]).text, expected[-1][0])

    def test_a_cleaner_is_reused_and_batches_keep_their_order(self):
        cleaner = zhclean.Cleaner()
        texts = [f"第{i}段,内容。" for i in range(2000)]
        results = cleaner.clean_batch(texts)
        self.assertEqual([r.text for r in results], [f"第{i}段，内容。\n" for i in range(2000)])
        self.assertEqual([r.text for r in results[:3]], [cleaner.clean(t).text for t in texts[:3]])
        self.assertEqual([r.text for r in zhclean.clean_batch(texts[:2])], [r.text for r in results[:2]])

    def test_a_cleaner_is_shared_between_threads(self):
        cleaner = zhclean.Cleaner()
        out = {}

        def work(i):
            out[i] = cleaner.clean(f"线程{i},完成。").text

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(out, {i: f"线程{i}，完成。\n" for i in range(8)})


if __name__ == "__main__":
    unittest.main()
