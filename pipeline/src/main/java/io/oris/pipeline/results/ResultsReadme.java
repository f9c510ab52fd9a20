package io.oris.pipeline.results;

import io.oris.pipeline.report.Bootstrap;
import io.oris.pipeline.report.Figure;
import io.oris.pipeline.report.MarkdownTables;
import io.oris.pipeline.report.PickPlaceTables;
import io.oris.pipeline.report.ReportTable;
import io.oris.pipeline.report.RunScore;
import io.oris.pipeline.report.SweepScores;
import java.util.List;
import java.util.Locale;

/**
 * Renders the {@code README.md} of a results folder: a title and a paragraph on the job, the score table with
 * bootstrap intervals, the pairwise comparisons, the figures as relative links, how it was made (commands, commit,
 * training wall time, machine, the report version it was made from), and a last line listing the folder's files.
 * Pure text from its inputs: the same inputs give the same README.
 */
public final class ResultsReadme {
    /** The file name inside the results folder. */
    public static final String FILE = "README.md";

    private ResultsReadme() {
    }

    /** The weight figures of the folder and a line per ORIS cell whose runs logged only part of w(s) or none. */
    public record WeightSection(List<Figure> figures, List<String> notes) {
        public WeightSection {
            figures = List.copyOf(figures);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param curves  the learning-curve figures, one per task-dataset and gap
     * @param weights the w(s) figures and notes
     * @param files   every file of the folder, README included
     */
    public static String render(JobSummary job, SweepScores scores, ResultsTables tables, Bootstrap bootstrap,
                                LatestReport report, Provenance provenance, List<Figure> curves, WeightSection weights,
                                List<String> files) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Results: ").append(job.dagId()).append("\n\n");
        sb.append(paragraph(job, scores)).append("\n\n");

        sb.append("## Scores\n\n");
        sb.append("One row per cell (method × task-dataset × gap). **score**: the final normalized score (mean of a run's"
                + " last ").append(scores.spec().lastK()).append(" evaluations after step 0) as mean ± sample std over the"
                + " seeds that succeeded; failed and missing seeds are marked and left out. **95 % CI of the mean**: percentile"
                + " bootstrap over those seeds, ").append(String.format(Locale.ROOT, "%,d", bootstrap.resamples()))
                .append(" resamples with replacement from a generator with the fixed seed ").append(bootstrap.seed())
                .append(", so the same scores always give this README; with few seeds it is narrower than a true 95 %"
                + " interval, and with one seed there is none.\n\n");
        sb.append(tables.scores(scores)).append('\n');
        List<ReportTable> tableThree = PickPlaceTables.tables(scores);
        if (!tableThree.isEmpty()) {
            sb.append("Pick-place has no normalized score: ORIS Table III below gives, per method, the mean return and"
                    + " the Reach, Pick and Place success rates in the real environment on the 5 × 5 grid of block"
                    + " positions (docs/reference.md §8; the paper's numbers are there too).\n\n");
            tableThree.forEach(t -> sb.append(MarkdownTables.render(t, scores.spec().decimals()).replaceFirst("^## ", "### "))
                    .append('\n'));
        }

        String comparisons = tables.comparisons(scores);
        sb.append("## Comparisons\n\n");
        if (comparisons.isEmpty()) {
            sb.append("No table cell has two methods with scores.\n\n");
        } else {
            sb.append("Every pair of methods in the same table cell: the difference of their mean scores, and the share of ")
                    .append(String.format(Locale.ROOT, "%,d", bootstrap.resamples()))
                    .append(" bootstrap resamples (each method's seeds resampled with replacement, the same fixed seed;"
                    + " a tie counts half) in which the first method's mean is higher. That share is a bootstrap estimate"
                    + " of how reliably the first comes out ahead over seeds, not a p-value. As in the report's Table I,"
                    + " offline methods are compared under every gap (marked offline) and simulator-only runs under every"
                    + " dataset of their task (marked sim only); two offline methods are compared once, under the first"
                    + " gap.\n\n");
            sb.append(comparisons).append('\n');
        }

        sb.append("## Figures\n\n### Learning curves\n\n");
        if (curves.isEmpty()) {
            sb.append("No run has an evaluation curve.\n\n");
        } else {
            sb.append("Mean normalized score over the seeds that succeeded against the gradient step, with a band of ± one"
                    + " sample std; one figure per task-dataset and gap.\n\n");
            curves.forEach(f -> sb.append(image(f)));
        }
        sb.append("### w(s) over training\n\n");
        sb.append(weightText(weights));

        sb.append("## How it was made\n\n");
        sb.append("```bash\n");
        provenance.commands().forEach(c -> sb.append(c).append('\n'));
        sb.append("```\n\n");
        GitRevision git = provenance.git();
        sb.append("- Commit: `").append(git.text()).append('`')
                .append(git.known() ? (git.dirty() ? " (the work tree had uncommitted changes)" : "")
                        : " (" + git.reason() + ")")
                .append(", the repository of the job file `").append(job.jobPath()).append("`.\n");
        sb.append("- Training wall time: ").append(provenance.training().describe()).append('\n');
        sb.append("- Machine: ").append(provenance.machine().describe())
                .append(" (where this folder was made; the runs do not record their machine).\n");
        sb.append("- Report: `").append(report.id()).append("` (").append(report.dir()).append(", made ")
                .append(report.created()).append(").\n\n");
        sb.append("Files in this folder: ").append(String.join(", ", files.stream().map(f -> "`" + f + "`").toList()))
                .append(".\n");
        return sb.toString();
    }

    private static String paragraph(JobSummary job, SweepScores scores) {
        long ok = scores.runs().stream().filter(RunScore::usable).count();
        long failed = scores.runs().stream().filter(RunScore::failed).count();
        long missing = scores.runs().size() - ok - failed;
        StringBuilder sb = new StringBuilder("Job `").append(job.dagId()).append("` (`").append(job.jobPath()).append("`)");
        sb.append(job.description().isEmpty() ? "." : ": " + job.description().replaceAll("\\s+", " ")
                + (job.description().endsWith(".") ? "" : "."));
        sb.append(' ').append(job.sweepSentence(scores.spec().lastK()));
        sb.append(" The report has ").append(scores.runs().size()).append(" runs: ").append(ok).append(" scored");
        if (failed > 0) {
            sb.append(", ").append(failed).append(" failed");
        }
        if (missing > 0) {
            sb.append(", ").append(missing).append(" missing or not evaluated");
        }
        sb.append(". ").append(job.planMatch());
        return sb.toString();
    }

    private static String weightText(WeightSection w) {
        StringBuilder sb = new StringBuilder();
        if (w.figures().isEmpty() && w.notes().isEmpty()) {
            return "The sweep has no ORIS runs with scores, so there is no w(s) to show.\n\n";
        }
        if (!w.figures().isEmpty()) {
            sb.append("ORIS's state weight w(s) = clip(1 − 2D(s), w_min, w_max) of the simulated rows, from the runs'"
                    + " training metrics (each an epoch mean), averaged over the seeds that succeeded at each step: the"
                    + " p10–p90 band, the median and the mean of w(s), then the fraction of simulated rows at the lower"
                    + " clip w_min (and at the upper clip w_max). The H2O-reweight variants weight the simulated rows by"
                    + " H2O's dynamics ratio P_real/P_sim(s'|s,a), clipped to [ratio_min, ratio_max], instead of w(s);"
                    + " their figures show that ratio.\n\n");
            w.figures().forEach(f -> sb.append(image(f)));
        }
        w.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        if (!w.notes().isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String image(Figure f) {
        return "![" + f.title().replace("]", ")").replace("[", "(") + "](" + f.fileName() + ")\n\n";
    }
}
