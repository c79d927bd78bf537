import { word, type ProductWord } from './productWord.js';

/**
 * A word in a title that decides between subheadings rather than naming the product: what it is
 * made of, how, for whom. Each says where the nomenclature text states it (`describes`), so the
 * same rule reads `of cotton` against `of textile materials (other than cotton)` in every heading.
 */
export interface AttributeWord {
  readonly key: string;
  /** Values of one family exclude each other: a subheading that names another material disagrees with `cotton`. */
  readonly family: 'material' | 'gender' | 'construction' | 'kind';
  readonly terms: ProductWord['terms'];
  /** Where descriptions state it; the first pattern is the attribute itself, the others weaker kin (`textile materials` for `cotton`). */
  readonly describes: readonly (readonly [RegExp, number])[];
  /** How much agreement with it counts against the other evidence. */
  readonly weight: number;
  /** Other attributes it carries (`cashmere` is also fine animal hair). */
  readonly implies: readonly string[];
  /** Description text that contradicts it outright. */
  readonly against?: RegExp;
}

function attribute(
  key: string,
  family: AttributeWord['family'],
  terms: string,
  describes: readonly (readonly [RegExp, number])[],
  options: { weight?: number; implies?: string; against?: RegExp } = {},
): AttributeWord {
  return {
    key,
    family,
    terms: word('0000', terms).terms,
    describes,
    weight: options.weight ?? 1,
    implies: options.implies?.split(' ') ?? [],
    ...(options.against ? { against: options.against } : {}),
  };
}

const TEXTILE: readonly [RegExp, number] = [/textile materials/, 0.35];

export const ATTRIBUTE_WORDS: readonly AttributeWord[] = [
  attribute(
    'cotton',
    'material',
    'en cotton|organic cotton|denim|jeans|chino|chinos|twill / zh 棉|纯棉|全棉|棉质|牛仔|精梳棉 / pt algodão|algodao|jeans|brim / de baumwolle|baumwoll|jeans|denim / ja 綿|コットン|デニム|綿100 / ms kapas|denim|jeans',
    [[/\bcotton\b/, 1], TEXTILE],
  ),
  attribute(
    'wool',
    'material',
    'en wool|woollen|woolen|merino / zh 羊毛|毛呢|羊毛呢 / pt lã|la merino / de wolle|woll|merinowolle|schurwolle / ja ウール|羊毛 / ms bulu biri-biri|wol',
    [[/\bwool\b|fine animal hair/, 1], TEXTILE],
  ),
  attribute(
    'cashmere',
    'material',
    'en cashmere / zh 羊绒|山羊绒 / pt caxemira|cashmere / de kaschmir|cashmere / ja カシミヤ|カシミア / ms kasmir',
    [[/kashmir|cashmere/, 1.2], TEXTILE],
    { implies: 'wool' },
  ),
  attribute(
    'silk',
    'material',
    'en silk|mulberry silk / zh 真丝|蚕丝|丝绸|桑蚕丝 / pt seda / de seide|seiden / ja シルク|絹 / ms sutera|sutra',
    [[/\bsilk\b/, 1], TEXTILE],
  ),
  attribute(
    'synthetic',
    'material',
    'en polyester|nylon|acrylic|polyamide|spandex|elastane|lycra|fleece|microfiber|microfibre / zh 涤纶|聚酯|尼龙|腈纶|摇粒绒|氨纶|聚酯纤维 / pt poliéster|poliester|náilon|nylon|acrílico|elastano|microfibra|fleece / de polyester|nylon|polyacryl|elasthan|fleece|mikrofaser|polyamid / ja ポリエステル|ナイロン|アクリル|フリース / ms poliester|nilon|akrilik',
    [
      [/synthetic fibres|man-made fibres/, 1],
      [/textile materials|plastics/, 0.5],
    ],
  ),
  attribute(
    'artificial',
    'material',
    'en viscose|rayon|modal|lyocell|tencel / zh 粘胶|人造丝|莫代尔|人棉 / pt viscose|viscosa|raiom / de viskose|modal / ja レーヨン|モダール / ms rayon|viskos',
    [[/artificial fibres|man-made fibres/, 1], TEXTILE],
  ),
  attribute('linen', 'material', 'en linen|flax / zh 亚麻|棉麻 / pt linho / de leinen / ja リネン|麻 / ms linen', [[/flax/, 1], TEXTILE]),
  attribute(
    'leather',
    'material',
    'en leather|genuine leather / zh 真皮|牛皮|羊皮|皮革|头层牛皮 / pt couro|couro legítimo / de leder|echtleder / ja 本革|レザー|革|牛革 / ms kulit|kulit asli|kulit lembu',
    [[/\bleather/, 1]],
  ),
  attribute('rubber', 'material', 'en rubber / zh 橡胶 / pt borracha / de gummi / ja ゴム / ms getah', [[/\brubber\b/, 1]]),
  attribute(
    'plastic',
    'material',
    'en plastic|silicone|pvc|acrylic plastic / zh 塑料|硅胶 / pt plástico|silicone / de kunststoff|silikon|plastik / ja プラスチック|シリコン|樹脂 / ms plastik|silikon',
    [[/plastics?\b/, 1]],
  ),
  attribute(
    'wood',
    'material',
    'en wood|wooden|hand-carved|carved wood|oak|walnut wood|pine / zh 木|木制|木质|实木|木雕 / pt madeira|de madeira|entalhado / de holz|hölzern|handgeschnitzt / ja 木|木製|天然木|手彫り / ms kayu|ukiran kayu',
    [[/\bwood\b/, 1]],
  ),
  attribute('bamboo', 'material', 'en bamboo / zh 竹|竹制|竹子 / pt bambu / de bambus / ja 竹|竹製 / ms buluh|bambu', [[/bamboo/, 1.2]], {
    implies: 'wood',
  }),
  attribute('rattan', 'material', 'en rattan|wicker / zh 藤|藤编 / pt vime|rattan|ratã / de rattan / ja 籐|ラタン / ms rotan', [
    [/rattan/, 1.2],
  ]),
  attribute(
    'porcelain',
    'material',
    'en porcelain|bone china|fine china / zh 瓷器|骨瓷|白瓷|青花瓷 / pt porcelana / de porzellan / ja 磁器|有田焼|波佐見焼 / ms porselin',
    [[/porcelain or china|of porcelain/, 1.2]],
  ),
  attribute(
    'ceramic',
    'material',
    'en ceramic|stoneware|earthenware|pottery / zh 陶瓷|陶器|粗陶 / pt cerâmica|ceramica|barro / de keramik|steingut / ja セラミック|陶器|陶磁器|焼き物 / ms seramik|tembikar',
    [[/ceramic/, 1]],
  ),
  attribute(
    'glass',
    'material',
    'en glass|crystal glass|borosilicate / zh 玻璃 / pt vidro|de vidro / de glas / ja ガラス|耐熱ガラス / ms kaca',
    [[/\bglass/, 1]],
  ),
  attribute(
    'stainless',
    'material',
    'en stainless|stainless steel|inox / zh 不锈钢|304不锈钢 / pt inox|aço inox|aço inoxidável / de edelstahl|rostfrei / ja ステンレス / ms keluli tahan karat|besi tahan karat',
    [
      [/stainless/, 1],
      [/base metal|iron or steel/, 0.6],
    ],
  ),
  attribute(
    'cast-iron',
    'material',
    'en cast iron / zh 铸铁 / pt ferro fundido / de gusseisen|guss / ja 鋳鉄|南部鉄器 / ms besi tuang|besi tuangan',
    [[/cast iron/, 1.2]],
  ),
  attribute(
    'aluminium',
    'material',
    'en aluminium|aluminum / zh 铝|铝合金 / pt alumínio|aluminio / de aluminium|alu / ja アルミ|アルミニウム / ms aluminium',
    [[/alumin/, 1]],
  ),
  attribute(
    'silver',
    'material',
    'en silver|sterling silver|925 silver|sterling / zh 银|纯银|925银 / pt prata|prata 925 / de silber|sterlingsilber / ja シルバー|純銀 / ms perak',
    [[/\bsilver\b/, 1.2]],
  ),
  attribute(
    'gold',
    'material',
    'en gold|solid gold|18k gold|14k gold|18k / zh 黄金|足金|18k金 / pt ouro|ouro 18k / de gold|echtgold / ja ゴールド|18金|純金|k18 / ms emas',
    [[/precious metal/, 1]],
  ),
  attribute(
    'base-metal',
    'material',
    'en brass|alloy|copper|zinc alloy|titanium|gold plated|plated / zh 合金|黄铜|铜|镀金 / pt latão|liga|banhado|folheado / de messing|legierung|vergoldet / ja 真鍮|合金|メッキ / ms loyang|aloi|tembaga',
    [[/base metal/, 1]],
  ),
  attribute(
    'knitted',
    'construction',
    'en knit|knitted|knitwear|crochet|ribbed knit / zh 针织|毛线|钩针 / pt tricô|tricot|malha|crochê / de strick|gestrickt|häkel / ja ニット|編み / ms kait|rajut',
    [[/knitted or crocheted/, 1]],
    { weight: 1.2 },
  ),
  attribute(
    'men',
    'gender',
    'en men|mens|man|male|boys|boy|gentlemen / zh 男|男士|男款|男式|男装|男生 / pt masculino|masculina|homem|homens|menino / de herren|männer|jungen|herrenuhr / ja メンズ|紳士|男性|男の子 / ms lelaki|pria',
    [[/men's or boys'/, 1]],
  ),
  attribute(
    'women',
    'gender',
    'en women|womens|woman|ladies|lady|female|girls|girl / zh 女|女士|女款|女式|女装|女生 / pt feminino|feminina|mulher|mulheres|menina / de damen|frauen|mädchen|damenuhr / ja レディース|婦人|女性|女の子 / ms wanita|perempuan',
    [[/women's or girls'/, 1]],
  ),
  attribute(
    'baby',
    'gender',
    'en baby|infant|newborn|toddler / zh 婴儿|宝宝|新生儿|婴幼儿 / pt bebê|bebe|recém-nascido / de baby|säugling / ja ベビー|赤ちゃん|新生児 / ms bayi',
    [[/babies'/, 1.2]],
  ),
  attribute(
    'sport',
    'kind',
    'en sport|sports|running|training|gym|athletic|jogging|trail / zh 运动|跑步 / pt esportivo|esporte|corrida|academia|treino / de sport|lauf|training / ja スポーツ|ランニング|トレーニング / ms sukan|larian|lari',
    [[/sports|training shoes|gym/, 1]],
  ),
  attribute(
    'electric',
    'kind',
    'en electric|electrical|rechargeable|cordless / zh 电动|电 / pt elétrico|elétrica|eletrico / de elektrisch|elektro|akku / ja 電動|電気 / ms elektrik',
    [[/electric|electro/, 0.5]],
  ),
  attribute('led', 'kind', 'en led / zh led / pt led / de led / ja led / ms led', [[/light-emitting diode/, 1]]),
  attribute(
    'decaf',
    'kind',
    'en decaf|decaffeinated / zh 低因|无咖啡因 / pt descafeinado / de entkoffeiniert / ja デカフェ|カフェインレス / ms tanpa kafein',
    [[/decaffeinated/, 1.5]],
  ),
  attribute(
    'ground',
    'kind',
    'en ground|powder|powdered / zh 粉 / pt em pó|moído|moida|po / de gemahlen|pulver / ja パウダー|粉 / ms serbuk|kisar',
    [[/crushed or ground/, 0.5]],
  ),
  attribute(
    'insulated',
    'kind',
    'en vacuum insulated|insulated|thermos|thermal|double wall / zh 保温|真空|保冷 / pt térmica|térmico|termica / de isoliert|thermo|isolier / ja 真空断熱|保温|保冷|断熱 / ms termos|kalis haba',
    [[/vacuum/, 1.6]],
    { weight: 1.5 },
  ),
  attribute(
    'extra-virgin',
    'kind',
    'en extra virgin / zh 特级初榨 / pt extra virgem / de nativ extra|extra vergine / ja エキストラバージン / ms extra dara',
    [[/extra virgin/, 1]],
  ),
  attribute(
    'automatic',
    'kind',
    'en automatic|self-winding|automatic movement / zh 自动机械|全自动机械 / pt automático / de automatik / ja 自動巻き|機械式 / ms automatik',
    [[/automatic winding/, 1.2]],
  ),
  attribute('sparkling', 'kind', 'en sparkling|brut / zh 起泡 / pt espumante / de sekt|schaumwein / ja スパークリング / ms berbuih', [
    [/sparkling/, 1.2],
  ]),
  attribute(
    'printed',
    'kind',
    'en printed|print|floral print / zh 印花 / pt estampado|estampada / de bedruckt / ja プリント|柄 / ms bercetak|corak',
    [[/printed/, 0.6]],
  ),
  attribute('retail', 'kind', 'en retail pack', [[/not exceeding 3kg|2kg or less|2 litres or less|put up for retail sale/, 0.3]], {
    against: /(?<!not )exceeding (?:3kg|2 ?kg)|more than 2kg|more than 2 litres|holding more than|weighing more than 2kg/,
  }),
];

/** Attributes every marketplace listing carries without saying so: goods sold to consumers come in retail packs. */
export const IMPLICIT_ATTRIBUTES: readonly string[] = ['retail'];
