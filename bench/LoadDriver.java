import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for XinFang petition registration (benchmark, not a test).
 *
 * <p>Gets a bearer token, then runs N concurrent clients (platform threads, each on its own kept-alive
 * HTTP/1.1 connection written and read directly on a socket: the driver shares the measured machine's
 * cores, and java.net.http.HttpClient took 1.4 ms of CPU per request against 0.3-0.5 ms, a tenth of two
 * cores at 150/s; {@code --http jdk} still uses it, for comparing with figures measured before 2026-12-07 15:30 UTC),
 * each POSTing petitions with varied realistic content
 * and valid random GB 11643 identity numbers to /api/v1/petitions in a closed loop (next request
 * as soon as the previous answer arrives). Latency of every request that starts after the warm-up
 * and finishes before the end is recorded; throughput is those requests over the measured window.
 *
 * <p>Single file, no dependencies, Java 17:
 * {@code java bench/LoadDriver.java --url http://127.0.0.1:18080 --clients 32 --seconds 30 --warmup 5 --out bench/results/load.jsonl}
 *
 * <p>Only ever talks to the --url given, which must be a loopback address; it stops by itself
 * after warm-up + seconds (and after --max-requests if given).
 */
public class LoadDriver {

	public static void main(String[] args) throws Exception {
		Map<String, String> opt = parse(args);
		String url = opt.getOrDefault("url", "http://127.0.0.1:18080").replaceAll("/+$", "");
		int clients = Integer.parseInt(opt.getOrDefault("clients", "32"));
		int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
		int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
		long maxRequests = Long.parseLong(opt.getOrDefault("max-requests", "10000000"));
		String user = opt.getOrDefault("user", "city.registrar");
		String password = opt.getOrDefault("password", "Demo@2026");
		String label = opt.getOrDefault("label", "");
		String out = opt.get("out");
		String transport = opt.getOrDefault("http", "socket");
		if (!transport.equals("socket") && !transport.equals("jdk")) {
			throw new IllegalArgumentException("--http must be socket or jdk");
		}
		int timeoutS = Integer.parseInt(opt.getOrDefault("timeout", "30"));
		requireLoopback(url);
		if (clients < 1 || seconds < 1 || warmup < 0) {
			throw new IllegalArgumentException("--clients and --seconds must be >= 1, --warmup >= 0");
		}

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String token;
		try {
			token = token(http, url, user, password);
		}
		catch (Exception ex) {
			System.err.println("LoadDriver: could not get a token: " + ex);
			System.exit(3);
			return;
		}

		long cpuStartNs = processCpuNs();
		long startNs = System.nanoTime();
		long measureFromNs = startNs + warmup * 1_000_000_000L;
		long endNs = measureFromNs + seconds * 1_000_000_000L;
		Client[] workers = new Client[clients];
		CountDownLatch done = new CountDownLatch(clients);
		java.util.concurrent.atomic.AtomicLong budget = new java.util.concurrent.atomic.AtomicLong(maxRequests);
		for (int i = 0; i < clients; i++) {
			URI target = URI.create(url + "/api/v1/petitions");
			Transport via = transport.equals("jdk") ? new JdkTransport(http, target, token, Duration.ofSeconds(timeoutS))
					: new SocketTransport(target, token, timeoutS * 1000);
			workers[i] = new Client(i, via, measureFromNs, endNs, budget, done);
			Thread t = new Thread(workers[i], "client-" + i);
			t.setDaemon(true);
			t.start();
		}
		System.out.printf("LoadDriver: %d clients, %ds warm-up + %ds measured against %s (%s HTTP)%n", clients, warmup, seconds, url,
				transport);
		// Requests still in flight at the end are waited for (they count, with their full latency),
		// but never longer than the request timeout past the end.
		if (!done.await(warmup + seconds + timeoutS + 5L, java.util.concurrent.TimeUnit.SECONDS)) {
			System.out.println("LoadDriver: some clients did not finish in time; reporting what was measured");
		}
		long measuredEndNs = Math.min(System.nanoTime(), endNs);
		long lateNs = Math.max(0, System.nanoTime() - endNs);
		double driverCpuS = (processCpuNs() - cpuStartNs) / 1e9;
		double elapsedS = (System.nanoTime() - startNs) / 1e9;

		long total = 0;
		long warmupRequests = 0;
		long allFailed = 0;
		Map<String, Long> errors = new TreeMap<>();
		int n = 0;
		for (Client w : workers) {
			n += w.count;
		}
		long[] all = new long[n];
		int pos = 0;
		for (Client w : workers) {
			System.arraycopy(w.latenciesUs, 0, all, pos, w.count);
			pos += w.count;
			total += w.ok + w.failed;
			warmupRequests += w.warmupRequests;
			allFailed += w.failed;
			w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
		}
		long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
		Arrays.sort(all);
		double windowS = (measuredEndNs - measureFromNs) / 1e9;
		long okMeasured = 0;
		long okInWindow = 0;
		long late = 0;
		for (Client w : workers) {
			okMeasured += w.okMeasured;
			okInWindow += w.okInWindow;
			late += w.finishedLate;
		}
		// Throughput: successful answers that arrived inside the measured window, per second.
		double throughput = windowS > 0 ? okInWindow / windowS : 0;

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("time", OffsetDateTime.now().withNano(0).toString());
		if (!label.isEmpty()) {
			result.put("label", label);
		}
		result.put("url", url);
		result.put("clients", clients);
		result.put("warmupS", warmup);
		result.put("seconds", seconds);
		result.put("requests", (long) all.length);
		result.put("ok", okMeasured);
		result.put("finishedAfterEnd", late);
		result.put("errors", errorCount);
		result.put("errorsByStatus", errors);
		result.put("warmupRequests", warmupRequests);
		result.put("allRequests", total);
		result.put("errorsAllPhases", allFailed);
		result.put("throughputPerS", round(throughput));
		result.put("p50Ms", ms(pct(all, 50)));
		result.put("p90Ms", ms(pct(all, 90)));
		result.put("p99Ms", ms(pct(all, 99)));
		result.put("maxMs", ms(all.length == 0 ? 0 : all[all.length - 1]));
		result.put("meanMs", ms(all.length == 0 ? 0 : (long) Arrays.stream(all).average().orElse(0)));
		result.put("driverCpuS", round(driverCpuS));
		result.put("http", transport);
		result.put("elapsedS", round(elapsedS));

		System.out.printf("requests (measured)  %d (ok %d, errors %d %s; warm-up %d; %d finished after the end, waited %.1f s)%n",
				all.length, okMeasured, errorCount, errors, warmupRequests, late, lateNs / 1e9);
		System.out.printf("throughput           %.1f/s (ok responses inside the %.1f s window)%n", throughput, windowS);
		System.out.printf("latency ms           p50 %s  p90 %s  p99 %s  max %s  mean %s%n", result.get("p50Ms"),
				result.get("p90Ms"), result.get("p99Ms"), result.get("maxMs"), result.get("meanMs"));
		System.out.printf("driver CPU           %.1f s over %.1f s (%.0f%% of one core)%n", driverCpuS, elapsedS,
				elapsedS > 0 ? driverCpuS / elapsedS * 100 : 0);
		String line = json(result);
		System.out.println(line);
		if (out != null) {
			Path p = Path.of(out);
			if (p.getParent() != null) {
				Files.createDirectories(p.getParent());
			}
			Files.writeString(p, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		if (all.length == 0 || okMeasured == 0) {
			System.out.println("LoadDriver: no successful request in the measured window");
		}
	}

	static final java.util.concurrent.atomic.AtomicInteger PRINTED = new java.util.concurrent.atomic.AtomicInteger();

	/** One closed-loop client. */
	static final class Client implements Runnable {

		final int id;

		final Transport http;

		final long measureFromNs;

		final long endNs;

		final java.util.concurrent.atomic.AtomicLong budget;

		final CountDownLatch done;

		long[] latenciesUs = new long[4096];

		int count;

		long ok;

		long okMeasured;

		long okInWindow;

		long finishedLate;

		long failed;

		long warmupRequests;

		final Map<String, Long> errors = new TreeMap<>();

		Client(int id, Transport http, long measureFromNs, long endNs, java.util.concurrent.atomic.AtomicLong budget,
				CountDownLatch done) {
			this.id = id;
			this.http = http;
			this.measureFromNs = measureFromNs;
			this.endNs = endNs;
			this.budget = budget;
			this.done = done;
		}

		@Override
		public void run() {
			try {
				ThreadLocalRandom rnd = ThreadLocalRandom.current();
				while (System.nanoTime() < endNs && budget.getAndDecrement() > 0) {
					byte[] body = Petitions.randomJson(rnd).getBytes(StandardCharsets.UTF_8);
					long t0 = System.nanoTime();
					String error = null;
					try {
						Answer res = http.post(body);
						if (res.status() != 201) {
							error = String.valueOf(res.status());
							if (PRINTED.incrementAndGet() <= 10) {
								String b = res.body();
								System.err.printf("client-%d: HTTP %d %s%n", id, res.status(),
										b.length() > 300 ? b.substring(0, 300) : b);
							}
						}
					}
					catch (IOException ex) {
						error = ex.getClass().getSimpleName();
						if (PRINTED.incrementAndGet() <= 10) {
							System.err.printf("client-%d: %s%n", id, ex);
						}
					}
					long t1 = System.nanoTime();
					if (error == null) {
						ok++;
					}
					else {
						failed++;
					}
					if (t0 >= measureFromNs) {
						// every request started in the window counts, also one that ends after it
						record((t1 - t0) / 1_000);
						if (t1 > endNs) {
							finishedLate++;
						}
						if (error == null) {
							okMeasured++;
							if (t1 <= endNs) {
								okInWindow++;
							}
						}
						else {
							errors.merge(error, 1L, Long::sum);
						}
					}
					else if (t0 < measureFromNs) {
						warmupRequests++;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				http.close();
				done.countDown();
			}
		}

		private void record(long us) {
			if (count == latenciesUs.length) {
				latenciesUs = Arrays.copyOf(latenciesUs, count * 2);
			}
			latenciesUs[count++] = us;
		}

	}

	/** Realistic, varied petition bodies. */
	static final class Petitions {

		static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
			.split("");

		static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强文辉海燕德胜春梅金凤国庆小红建军淑珍凤英玉梅秀珍德明永红")
			.split("");

		static final String[] TOWNSHIPS = { "430702001", "430702002", "430702003", "430702004", "430702005",
				"430702006", "430702007", "430702008", "430702009", "430702010", "430702011", "430702012", "430703001",
				"430703002", "430703003", "430703004", "430703005", "430703006", "430703007", "430703008", "430703009",
				"430703010", "430703011", "430703012", "430703013", "430703014", "430703015", "430703016", "430703017",
				"430703018" };

		static final String[] PLACES = { "穿紫河街道", "丹阳街道", "府坪街道", "芙蓉街道", "启明街道", "南坪街道", "永安街道",
				"白马湖街道", "东江街道", "长庚街道", "芦荻山乡", "河洑镇", "玉霞街道", "武陵镇", "灌溪镇", "斗姆湖街道", "石公桥镇",
				"镇德桥镇", "周家店镇", "韩公渡镇", "草坪镇", "双桥坪镇", "蒿子港镇", "牛鼻滩镇", "十美堂镇", "谢家铺镇" };

		/** Region codes of birth places used in the identity numbers (Hunan mostly, some elsewhere). */
		static final String[] ID_REGIONS = { "430702", "430703", "430721", "430722", "430723", "430724", "430725",
				"430726", "430781", "430102", "430104", "430602", "431102", "420106", "440106", "110105", "510107" };

		static final String[] CHANNELS = { "LETTER", "LETTER", "VISIT", "VISIT", "PHONE", "HOTLINE_12345", "LEADER_MAILBOX" };

		static final String[] COMPANIES = { "某建筑劳务公司", "某装饰工程公司", "某物流公司", "某餐饮管理公司", "某电子厂",
				"某房地产开发公司", "某物业服务公司", "某农业合作社", "某纺织厂", "某汽车维修店" };

		/** category, title, body template; {P} place, {C} company, {N} number, {M} months, {Y} year. */
		static final String[][] TEMPLATES = {
				{ "LABOR", "拖欠工资", "本人自{Y}年起在{P}{C}承建的工地务工，共{M}个月，包工头以工程款未结算为由拖欠本人及工友工资共计{N}元。"
						+ "我们多次到项目部讨要，对方一再推诿，现在已联系不上负责人。" },
				{ "LABOR", "未缴纳社会保险", "本人在{C}工作已满{M}个月，公司一直未为本人缴纳养老保险和医疗保险，"
						+ "入职时也未签订书面劳动合同。向公司人事反映后被告知试用期不缴，至今仍未补缴。" },
				{ "URBAN", "物业服务问题", "{P}某小区物业公司近{M}个月来不履行合同约定，小区垃圾清运不及时，电梯多次故障困人，"
						+ "业主反映后物业仍按每平方米{N}元收取物业费，且擅自将公共区域出租用于停车收费。" },
				{ "URBAN", "房屋质量问题", "本人于{Y}年在{P}购买{C}开发的商品房，入住后发现外墙渗水、卫生间漏水，"
						+ "维修费用已花去{N}元。开发商以过了保修期为由拒绝维修，住建部门答复需自行协商。" },
				{ "LAND", "征地补偿", "{Y}年{P}实施道路建设项目，征收我家承包地{M}亩，至今补偿款{N}元未足额发放，"
						+ "村委会称款项已拨付到镇里，镇里说还在审核，我们不知道该找谁，也没有见到补偿标准的公示。" },
				{ "LAND", "宅基地纠纷", "本人在{P}的宅基地与邻居发生界址争议，邻居在建房时占用我家宅基地约{M}平方米，"
						+ "村组调解{N}次未果，对方仍继续施工。请求有关部门依法确权并制止违法建设。" },
				{ "ENV", "噪声扰民", "{P}{C}在居民区附近夜间施工，每天晚上十点后仍有机械作业，噪声严重影响周边居民休息，"
						+ "已持续{M}个月。附近有{N}户居民联名反映，打过12345热线，但问题一直没有解决。" },
				{ "ENV", "污水排放", "{P}{C}长期将未经处理的污水直接排入附近沟渠，导致下游{N}亩农田和鱼塘受到污染，"
						+ "鱼大量死亡。村民向镇政府反映后，企业停了几天又恢复排放，请求环保部门现场检查。" },
				{ "CIVIL", "低保申请", "本人家住{P}，丈夫{Y}年因病去世，本人患有慢性病不能外出务工，家中还有{M}个孩子上学，"
						+ "去年申请最低生活保障，社区说材料不全，补齐后又说名额已满，希望重新审核我家的情况。" },
				{ "HEALTH", "医疗纠纷", "本人母亲于{Y}年在{P}某医院做手术，术后出现严重并发症，前后花费医疗费用{N}元。"
						+ "我们认为医院在术前告知和术后护理上存在过错，与医院协商赔偿未果，请求卫健部门组织鉴定和调解。" },
				{ "EDU", "子女入学", "本人一家在{P}居住和务工已有{M}年，孩子今年到了上小学的年龄，按政策可以就近入学，"
						+ "但学校以户籍不在本片区为由不予接收，要求补交材料，我们补交后至今仍无答复。" },
				{ "TRANSPORT", "道路损坏", "{P}通往村里的水泥路自{Y}年修好后一直没有维护，现在路面坑洼严重，雨天积水，"
						+ "已发生{M}起摔伤事故。村里{N}多户村民出行困难，请求交通部门安排维修。" },
				{ "MARKET", "消费纠纷", "本人在{P}{C}办理了预付卡，充值{N}元，使用不到{M}次商家就关门停业，"
						+ "老板电话关机，和本人情况相同的消费者有几十人。请求市场监管部门督促商家退款。" },
				{ "AGRI", "惠农补贴", "本人是{P}的种粮户，承包耕地{M}亩，{Y}年的耕地地力保护补贴至今没有到账，"
						+ "村里其他农户都已领取。向村会计询问，说是信息录入有误，但一直没有更正。" } };

		/** What was tried before, with placeholders like the templates. */
		static final String[] HISTORY = { "此前本人已于{Y}年向{P}人民政府反映过此事，当时答复会尽快处理，但至今没有结果。",
				"我们也拨打过12345热线，工作人员记录后说会转交相关部门，{M}个月过去了仍没有回音。",
				"村（社区）干部曾出面协调过{M}次，对方当面答应，事后又不认账。",
				"我们曾向法院咨询，说诉讼时间长、费用高，家里实在承担不起。",
				"为了这件事，本人已经多次请假往返，误工损失近{N}元。" };

		static final String[] TAILS = { "恳请有关部门调查核实，依法处理。", "希望政府部门高度重视，尽快督促解决。",
				"请求依法维护我们的合法权益。", "以上情况属实，本人愿意配合调查。", "如有需要，可以提供相关合同、收据和照片等材料。",
				"此事已持续很久，严重影响了我们的正常生活。", "请相关部门给予书面答复。" };

		static String randomJson(ThreadLocalRandom r) {
			String[] t = TEMPLATES[r.nextInt(TEMPLATES.length)];
			StringBuilder content = new StringBuilder(fill(t[2], r));
			if (r.nextInt(10) < 7) {
				content.append(fill(HISTORY[r.nextInt(HISTORY.length)], r));
			}
			int tails = 2 + r.nextInt(3);
			int first = r.nextInt(TAILS.length);
			int step = 1 + r.nextInt(TAILS.length - 1); // TAILS.length is prime: distinct sentences
			for (int i = 0; i < tails; i++) {
				content.append(TAILS[(first + i * step) % TAILS.length]);
			}
			StringBuilder sb = new StringBuilder(1024);
			sb.append("{\"channel\":\"").append(CHANNELS[r.nextInt(CHANNELS.length)]).append('"');
			sb.append(",\"regionCode\":\"").append(TOWNSHIPS[r.nextInt(TOWNSHIPS.length)]).append('"');
			sb.append(",\"title\":\"").append(t[1]).append('"');
			sb.append(",\"content\":\"").append(content).append('"');
			sb.append(",\"categoryCode\":\"").append(t[0]).append('"');
			sb.append(",\"petitioners\":[");
			int people = r.nextInt(10) == 0 ? 2 : 1;
			for (int i = 0; i < people; i++) {
				if (i > 0) {
					sb.append(',');
				}
				sb.append("{\"name\":\"").append(name(r)).append("\",\"idNumber\":\"").append(idNumber(r))
					.append("\",\"phone\":\"").append(phone(r)).append("\"}");
			}
			sb.append("]}");
			return sb.toString();
		}

		static String fill(String template, ThreadLocalRandom r) {
			return template.replace("{P}", PLACES[r.nextInt(PLACES.length)])
				.replace("{C}", COMPANIES[r.nextInt(COMPANIES.length)])
				.replace("{N}", String.valueOf(r.nextInt(3, 90) * (r.nextBoolean() ? 1000 : 100)))
				.replace("{M}", String.valueOf(r.nextInt(2, 19)))
				.replace("{Y}", String.valueOf(r.nextInt(2015, 2026)));
		}

		static String name(ThreadLocalRandom r) {
			String n = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
			return r.nextBoolean() ? n + GIVEN[r.nextInt(GIVEN.length)] : n;
		}

		static String phone(ThreadLocalRandom r) {
			String[] prefixes = { "130", "133", "135", "136", "138", "139", "150", "152", "158", "177", "180", "186", "189", "199" };
			return prefixes[r.nextInt(prefixes.length)] + String.format("%08d", r.nextInt(100_000_000));
		}

		static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

		static final String CHECK = "10X98765432";

		/** A valid GB 11643 number: region, birth date 1945..2005, sequence, ISO 7064 MOD 11-2 check. */
		static String idNumber(ThreadLocalRandom r) {
			LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(r.nextInt(0, 365 * 60));
			String first17 = ID_REGIONS[r.nextInt(ID_REGIONS.length)]
					+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
					+ String.format("%03d", r.nextInt(1, 1000));
			return first17 + checkChar(first17);
		}

		static char checkChar(String first17) {
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				sum += (first17.charAt(i) - '0') * WEIGHTS[i];
			}
			return CHECK.charAt(sum % 11);
		}

	}

	/** A status and, for an answer other than 201, its body (the driver reads nothing else). */
	record Answer(int status, String body) {
	}

	/** One client's way of POSTing a registration. */
	interface Transport {

		Answer post(byte[] json) throws IOException, InterruptedException;

		default void close() {
		}

	}

	/** Through java.net.http.HttpClient (shared by all clients), as the driver did before 2026-12-07. */
	record JdkTransport(HttpClient http, URI uri, String token, Duration timeout) implements Transport {

		@Override
		public Answer post(byte[] json) throws IOException, InterruptedException {
			HttpRequest req = HttpRequest.newBuilder(uri)
				.timeout(timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofByteArray(json))
				.build();
			HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(res.statusCode(), res.body());
		}

	}

	/**
	 * HTTP/1.1 on one kept-alive socket: the request written in one go, the answer's status read and
	 * its body (by Content-Length or chunks) read to the end and kept only when it is not a 201.
	 * Reconnects when the server closes the connection or a request fails.
	 */
	static final class SocketTransport implements Transport {

		private final String host;

		private final int port;

		private final byte[] head;

		private final int timeoutMs;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		SocketTransport(URI uri, String token, int timeoutMs) {
			this.host = uri.getHost();
			this.port = uri.getPort() < 0 ? 80 : uri.getPort();
			this.timeoutMs = timeoutMs;
			this.head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + host + ":" + port
					+ "\r\nContent-Type: application/json; charset=utf-8\r\nAccept: application/json\r\nAuthorization: Bearer "
					+ token + "\r\nContent-Length: ").getBytes(StandardCharsets.ISO_8859_1);
		}

		@Override
		public Answer post(byte[] json) throws IOException {
			if (socket == null) {
				socket = new Socket();
				socket.setTcpNoDelay(true);
				socket.connect(new InetSocketAddress(host, port), 5000);
				socket.setSoTimeout(timeoutMs);
				in = new BufferedInputStream(socket.getInputStream(), 16384);
				out = socket.getOutputStream();
			}
			try {
				ByteArrayOutputStream req = new ByteArrayOutputStream(head.length + json.length + 16);
				req.write(head);
				req.write((json.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				req.write(json);
				req.writeTo(out);
				out.flush();
				String status = line();
				if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
					throw new IOException("bad status line: " + status);
				}
				int code = Integer.parseInt(status.substring(9, 12));
				long length = -1;
				boolean chunked = false;
				boolean close = false;
				for (String h = line(); h != null && !h.isEmpty(); h = line()) {
					String lower = h.toLowerCase(java.util.Locale.ROOT);
					if (lower.startsWith("content-length:")) {
						length = Long.parseLong(lower.substring(15).strip());
					}
					else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
						chunked = true;
					}
					else if (lower.startsWith("connection:") && lower.contains("close")) {
						close = true;
					}
				}
				ByteArrayOutputStream body = code == 201 ? null : new ByteArrayOutputStream();
				if (chunked) {
					for (long size = Long.parseLong(line().strip().split(";")[0], 16); size > 0;
							size = Long.parseLong(line().strip().split(";")[0], 16)) {
						copy(size, body);
						line();
					}
					for (String t = line(); t != null && !t.isEmpty(); t = line()) {
						// trailers
					}
				}
				else if (length >= 0) {
					copy(length, body);
				}
				else {
					close = true; // read to the end of the connection
					copy(Long.MAX_VALUE, body);
				}
				if (close) {
					close();
				}
				return new Answer(code, body == null ? "" : body.toString(StandardCharsets.UTF_8));
			}
			catch (IOException | RuntimeException ex) {
				close();
				throw ex instanceof IOException io ? io : new IOException(ex);
			}
		}

		private String line() throws IOException {
			StringBuilder sb = new StringBuilder(64);
			for (int c = in.read(); c != -1; c = in.read()) {
				if (c == '\n') {
					int n = sb.length();
					return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
				}
				sb.append((char) c);
			}
			return sb.length() == 0 ? null : sb.toString();
		}

		private final byte[] buffer = new byte[8192];

		private void copy(long n, ByteArrayOutputStream to) throws IOException {
			while (n > 0) {
				int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
				if (r < 0) {
					if (n == Long.MAX_VALUE) {
						return; // the body ends with the connection
					}
					throw new IOException("connection closed inside a body");
				}
				if (to != null) {
					to.write(buffer, 0, r);
				}
				if (n != Long.MAX_VALUE) {
					n -= r;
				}
			}
		}

		@Override
		public void close() {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (IOException ignored) {
					// closing anyway
				}
			}
			socket = null;
		}

	}

	static String token(HttpClient http, String url, String user, String password) throws Exception {
		String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
		Exception last = null;
		for (int attempt = 1; attempt <= 5; attempt++) {
			try {
				HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/token"))
					.timeout(Duration.ofSeconds(15))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(res.body());
				if (res.statusCode() == 200 && m.find()) {
					return m.group(1);
				}
				last = new IllegalStateException("token: HTTP " + res.statusCode() + " " + res.body());
			}
			catch (IOException ex) {
				last = ex;
			}
			Thread.sleep(1000L * attempt);
		}
		throw last;
	}

	static void requireLoopback(String url) {
		String host = URI.create(url).getHost();
		if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
			throw new IllegalArgumentException("--url must point at this machine (127.0.0.1, localhost or [::1]): " + url);
		}
	}

	/** CPU time of this JVM (all threads), or 0 where the platform does not tell. */
	static long processCpuNs() {
		var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			return Math.max(0, sun.getProcessCpuTime());
		}
		return 0;
	}

	static long pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1; // nearest-rank
		return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
	}

	static double ms(long us) {
		return Math.round(us / 100.0) / 10.0;
	}

	static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

	static Map<String, String> parse(String[] args) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument: " + a);
			}
			String key = a.substring(2);
			String value;
			int eq = key.indexOf('=');
			if (eq >= 0) {
				value = key.substring(eq + 1);
				key = key.substring(0, eq);
			}
			else if (key.equals("help")) {
				System.out.println("java bench/LoadDriver.java --url http://127.0.0.1:18080 --clients 32 --seconds 30 --warmup 5"
						+ " [--out results.jsonl] [--label text] [--user city.registrar --password Demo@2026] [--max-requests N]"
						+ " [--timeout 30] [--http socket|jdk]");
				System.exit(0);
				return m;
			}
			else {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("missing value for --" + key);
				}
				value = args[++i];
			}
			m.put(key, value);
		}
		return m;
	}

	static String json(Object o) {
		if (o == null) {
			return "null";
		}
		if (o instanceof Number || o instanceof Boolean) {
			return o.toString();
		}
		if (o instanceof Map<?, ?> map) {
			StringBuilder sb = new StringBuilder("{");
			boolean first = true;
			for (var e : map.entrySet()) {
				if (!first) {
					sb.append(',');
				}
				first = false;
				sb.append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
			}
			return sb.append('}').toString();
		}
		String s = o.toString();
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

}
