package com.xinfang.text;

import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.platform.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Classification of petition texts for registrars: category, kind, legal channel, responsible unit
 * and entities. The model lives in memory on each node, trained from the project's corpus plus
 * the registrars' recorded decisions (corrections count twice); retrained nightly, or on demand.
 */
@Service
public class ClassificationService {

	private static final Logger log = LoggerFactory.getLogger(ClassificationService.class);

	static final int CATEGORIES_SHOWN = 5;

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final UnitRouter router;

	private volatile PetitionClassifier model;

	/** Held while the first model, of the corpus alone, is trained (not the lock of {@link #retrain}). */
	private final Object corpusOnly = new Object();

	private volatile EntityExtractor extractor;

	/** Whole organisation names known beforehand: the directory's units and units named in earlier matters. */
	private volatile List<String> knownNames = List.of();

	/**
	 * The most recent registrars' decisions a model learns from (a correction counts twice). Training
	 * takes about 3.5 ms of a core per text: all 49 000 decisions a benchmark database had gathered
	 * took two minutes, and the decisions of years would take longer every night and every start.
	 */
	private final int trainingDecisions;

	ClassificationService(Directory directory, JdbcClient jdbc, Clock clock,
			@Value("${xinfang.text.training-decisions:10000}") int trainingDecisions) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
		this.router = new UnitRouter(directory);
		this.trainingDecisions = trainingDecisions;
	}

	/**
	 * Trains in the background once the node is up, so the first registrar does not wait: the corpus
	 * model first (seconds), then with the decisions. Until the corpus model is there, a registration
	 * waits for it; never for the longer second training (registrations waiting on it held their
	 * database connections until the pool ran out).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread training = new Thread(() -> {
			try {
				// the decisions made before this start: those recorded while the corpus model trains are
				// learnt from at the next training (a fresh database would otherwise retrain at once)
				boolean decided = feedbackCounts().decisions() > 0;
				loadKnownNames();
				model();
				if (decided) {
					retrain();
				}
			}
			catch (RuntimeException ex) {
				log.warn("classifier training failed at start-up; it is retried on first use", ex);
			}
		}, "classifier-training");
		training.setDaemon(true);
		training.start();
	}

	@Scheduled(cron = "${xinfang.text.retrain-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		loadKnownNames();
		retrain();
	}

	/** Suggestions for a text, routed as by the problem's county bureau. */
	public Classification classify(String title, String content, String regionCode) {
		return classify(title, content, regionCode, null);
	}

	/**
	 * Suggestions for a text; the problem's region is given or else read from the text, and the
	 * unit is the one the registering bureau ({@code fromUnitCode}) would send the matter to.
	 */
	public Classification classify(String title, String content, String regionCode, String fromUnitCode) {
		if (content == null || content.isBlank()) {
			throw new DomainException.Invalid("content", "请填写信访内容");
		}
		var prediction = predict(title, content);
		Entities entities = extractor().extract(title, content, LocalDate.now(clock.withZone(BEIJING)));
		List<Classification.Suggestion> categories = prediction.categories()
			.stream()
			.limit(CATEGORIES_SHOWN)
			.map(s -> new Classification.Suggestion(s.value(), round(s.score())))
			.toList();
		var kind = prediction.bestKind();
		var channel = prediction.bestLegalChannel();
		String region = regionCode != null && !regionCode.isBlank() ? regionCode : entities.regionCode();
		var route = router.route(categories.get(0).value(), region, fromUnitCode);
		return new Classification(categories, new Classification.Suggestion(kind.value(), round(kind.score())),
				new Classification.Suggestion(PetitionClassifier.NO_CHANNEL.equals(channel.value()) ? null : channel.value(),
						round(channel.score())),
				route.map(UnitRouter.Route::unitCode).orElse(null),
				route.map(r -> round(r.confidence() * categories.get(0).score())).orElse(0.0), entities);
	}

	/**
	 * The likely categories of a text, best first, without kind, channel, unit or entities: what
	 * a registration shows and records (a third of the model and none of the entity extraction).
	 */
	public List<Classification.Suggestion> categories(String title, String content, int limit) {
		if (content == null || content.isBlank()) {
			return List.of();
		}
		return categoryScores(title, content).stream()
			.limit(limit)
			.map(s -> new Classification.Suggestion(s.value(), round(s.score())))
			.toList();
	}

	/**
	 * Records what a registrar decided, next to what would have been suggested; a correction when
	 * they differ. Runs in the caller's transaction.
	 */
	public void recordDecision(String petitionNumber, String title, String content, String chosenCategory,
			String chosenKind, String decidedBy) {
		if (chosenCategory == null || content == null || content.isBlank()) {
			return;
		}
		var best = categoryScores(title, content).get(0);
		jdbc.sql("""
				INSERT INTO classification_feedback (petition_number, title, content, suggested_category, suggested_score,
				    chosen_category, chosen_kind, corrected, decided_by, decided_at)
				VALUES (:number, :title, :content, :suggested, :score, :chosen, :kind, :corrected, :by, :at)""")
			.param("number", petitionNumber)
			.param("title", title)
			.param("content", content)
			.param("suggested", best.value())
			.param("score", best.score())
			.param("chosen", chosenCategory)
			.param("kind", chosenKind)
			.param("corrected", !best.value().equals(chosenCategory))
			.param("by", decidedBy)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The model's prediction, remembered for the last text of each thread: a registration asks
	 * twice for the same text (the suggestions shown, then the registrar's decision next to them).
	 */
	private PetitionClassifier.Prediction predict(String title, String content) {
		PetitionClassifier m = model();
		Memo memo = lastPrediction.get();
		if (memo != null && memo.model() == m && Objects.equals(memo.title(), title) && memo.content().equals(content)) {
			return memo.prediction();
		}
		var prediction = m.classify(title, content);
		lastPrediction.set(new Memo(m, title, content, prediction));
		return prediction;
	}

	private record Memo(PetitionClassifier model, String title, String content, PetitionClassifier.Prediction prediction) {
	}

	/** The category scores, remembered for the last text of each thread (suggested, then recorded). */
	private List<PetitionClassifier.Score> categoryScores(String title, String content) {
		PetitionClassifier m = model();
		Memo memo = lastPrediction.get();
		if (memo != null && memo.model() == m && Objects.equals(memo.title(), title) && memo.content().equals(content)) {
			return memo.prediction().categories();
		}
		CategoryMemo known = lastCategories.get();
		if (known != null && known.model() == m && Objects.equals(known.title(), title) && known.content().equals(content)) {
			return known.scores();
		}
		var scores = m.categories(title, content);
		lastCategories.set(new CategoryMemo(m, title, content, scores));
		return scores;
	}

	private record CategoryMemo(PetitionClassifier model, String title, String content, List<PetitionClassifier.Score> scores) {
	}

	private final ThreadLocal<CategoryMemo> lastCategories = new ThreadLocal<>();

	private final ThreadLocal<Memo> lastPrediction = new ThreadLocal<>();

	/** Trains a new model from the corpus and the most recent recorded decisions, then swaps it in. */
	public synchronized int retrain() {
		List<LabelledPetition> corpus = new ArrayList<>(Corpus.training());
		List<LabelledPetition> decisions = jdbc.sql("""
				SELECT title, content, chosen_category, chosen_kind, corrected
				FROM (SELECT * FROM classification_feedback ORDER BY id DESC LIMIT ?) d ORDER BY id""")
			.param(trainingDecisions)
			.query((rs, n) -> {
				var p = new LabelledPetition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						PetitionClassifier.UNKNOWN);
				return rs.getBoolean(5) ? List.of(p, p) : List.of(p);
			})
			.list()
			.stream()
			.flatMap(List::stream)
			.toList();
		corpus.addAll(decisions);
		long start = System.nanoTime();
		model = PetitionClassifier.train(corpus);
		log.info("classifier trained on {} texts ({} from registrars' decisions) in {} ms", corpus.size(),
				decisions.size(), (System.nanoTime() - start) / 1_000_000);
		return corpus.size();
	}

	/** The decisions recorded so far: how many, and how many were corrections. */
	public FeedbackCounts feedbackCounts() {
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE corrected) FROM classification_feedback")
			.query((rs, n) -> new FeedbackCounts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	public record FeedbackCounts(long decisions, long corrections) {
	}

	/** The responsible unit for a category and a problem region, as the classifier would suggest it. */
	public Optional<String> unitFor(String categoryCode, String regionCode, String fromUnitCode) {
		return router.route(categoryCode, regionCode, fromUnitCode).map(UnitRouter.Route::unitCode);
	}

	/** The entities of a text without classifying it. */
	public Entities entities(String title, String content) {
		return extractor().extract(title, content, LocalDate.now(clock.withZone(BEIJING)));
	}

	private PetitionClassifier model() {
		PetitionClassifier m = model;
		if (m == null) {
			synchronized (corpusOnly) {
				if (model == null) {
					long start = System.nanoTime();
					model = PetitionClassifier.train(Corpus.training());
					log.info("classifier trained on the corpus alone in {} ms", (System.nanoTime() - start) / 1_000_000);
				}
				m = model;
			}
		}
		return m;
	}

	private EntityExtractor extractor() {
		EntityExtractor e = extractor;
		if (e == null) {
			List<Region> regions = new ArrayList<>();
			collect(null, regions);
			e = new EntityExtractor(regions, knownNames);
			extractor = e;
		}
		return e;
	}

	/**
	 * The names the entity extractor takes whole; the extractor is rebuilt with them. Units named
	 * as 反映对象 in at least two earlier matters count (one mention may be a typing error).
	 */
	void loadKnownNames() {
		List<String> names = new ArrayList<>();
		directory.units().forEach(u -> {
			names.add(u.name());
			if (u.officialName() != null) {
				names.add(u.officialName());
			}
		});
		names.addAll(jdbc.sql("SELECT accused_unit FROM petition_fact WHERE accused_unit IS NOT NULL GROUP BY accused_unit "
				+ "HAVING count(*) >= 2 ORDER BY count(*) DESC LIMIT 5000").query(String.class).list());
		knownNames = List.copyOf(names);
		extractor = null;
	}

	private void collect(String parent, List<Region> out) {
		for (var r : directory.regionChildren(parent)) {
			out.add(r);
			collect(r.code(), out);
		}
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

}
