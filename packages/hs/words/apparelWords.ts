import { word } from './productWord.js';

/**
 * Clothing (chapters 61 knitted, 62 woven, 65 headgear). Garments knitted by nature (T-shirts,
 * sweaters, socks, leggings) point at chapter 61; the rest list the woven heading first, as most
 * listings that do not say "knitted" are woven. Men's before women's unless the word is feminine.
 */
export const APPAREL_WORDS = [
  word(
    '610910 610990',
    'en t-shirt|tee|tshirt|t shirt|tees / zh T恤|短袖衫|体恤 / pt camiseta|camisetas / de t-shirt|tshirt / ja Tシャツ / ms baju t|baju-t|kemeja t',
    { weight: 1.2, gloss: 't-shirts' },
  ),
  word('6105 6106', 'en polo shirt|polo / zh polo衫|保罗衫 / pt camisa polo / de poloshirt / ja ポロシャツ / ms baju polo', {
    weight: 1.25,
  }),
  word(
    '6205 6206 6105 6106',
    'en shirt|button-down|button down shirt|dress shirt|flannel shirt / zh 衬衫|衬衣 / pt camisa|camisa social / de hemd|oberhemd / ja シャツ|ワイシャツ / ms kemeja',
    { weight: 1.1 },
  ),
  word('6206 6106', 'en blouse / zh 女衬衫|雪纺衫 / pt blusa / de bluse / ja ブラウス / ms blaus', { weight: 1.15 }),
  word(
    '611020 611030 611011 611012 611019 611090',
    'en sweater|pullover|jumper|cardigan|hoodie|sweatshirt|turtleneck|knitwear / zh 毛衣|针织衫|卫衣|开衫|套头衫|羊毛衫 / pt suéter|sueter|moletom|cardigã|casaco de tricô|blusão / de pullover|strickjacke|sweatshirt|kapuzenpullover|hoodie|strickpullover|pulli / ja セーター|カーディガン|パーカー|トレーナー|ニット / ms baju sejuk|sweater|hoodie|kardigan',
    { weight: 1.2, gloss: 'jerseys pullovers cardigans' },
  ),
  word(
    '6203 6204 6103 6104',
    'en trousers|pants|jeans|chinos|cargo shorts|denim shorts|running shorts|board shorts|bermuda shorts|joggers|sweatpants / zh 裤|牛仔裤|长裤|短裤|休闲裤|运动裤 / pt calça|calças|bermuda|short jeans / de hose|jeans|jogginghose|chino|kurze hose / ja パンツ|ジーンズ|ズボン|スラックス / ms seluar|seluar jeans|seluar pendek',
    { weight: 1.1, gloss: 'trousers' },
  ),
  word(
    '6204 6104',
    'en dress|gown|sundress|maxi dress / zh 连衣裙|长裙 / pt vestido / de kleid|sommerkleid / ja ワンピース|ドレス / ms gaun|dres|jubah',
    { weight: 1.15, gloss: 'dresses' },
  ),
  word('6204 6104', 'en skirt|miniskirt / zh 半身裙|短裙|裙子 / pt saia / de rock|minirock / ja スカート / ms skirt', {
    weight: 1.1,
    gloss: 'skirts',
  }),
  word(
    '6104 6204',
    'en leggings|yoga pants|tights leggings / zh 打底裤|瑜伽裤|紧身裤 / pt legging|leggings|calça legging / de leggings|leggins / ja レギンス|ヨガパンツ / ms legging|seluar yoga',
    { weight: 1.25, gloss: 'trousers' },
  ),
  word(
    '6201 6202 6101 6102',
    'en jacket|coat|parka|windbreaker|raincoat|rain jacket|anorak|overcoat|puffer|down jacket|trench coat / zh 外套|夹克|大衣|风衣|羽绒服|冲锋衣|棉服 / pt jaqueta|casaco|sobretudo|corta vento|capa de chuva|parka / de jacke|mantel|regenjacke|parka|daunenjacke|windjacke / ja ジャケット|コート|ダウンジャケット|ブルゾン / ms jaket|kot|baju hujan',
    { weight: 1.15, gloss: 'coats anoraks' },
  ),
  word(
    '6107 6108',
    'en briefs|boxer|boxers|boxer briefs|underpants|underwear|trunks underwear / zh 内裤|平角裤|三角裤 / pt cueca|cuecas / de unterhose|boxershorts|unterwäsche / ja ボクサーパンツ|ブリーフ|下着 / ms seluar dalam|spender',
    { weight: 1.25, gloss: 'underpants briefs' },
  ),
  word(
    '6108 6107',
    'en panties|knickers|lingerie / zh 女士内裤 / pt calcinha / de damenslip|höschen / ja ショーツ / ms seluar dalam wanita',
    { weight: 1.3, gloss: 'briefs panties' },
  ),
  word(
    '610831 610832 610721 610722 620821 620822 620721',
    'en pajamas|pyjamas|pajama set|nightgown|nightdress|sleepwear / zh 睡衣|睡裙 / pt pijama|camisola / de schlafanzug|pyjama|nachthemd / ja パジャマ|ルームウェア / ms baju tidur|pijama',
    { weight: 1.25 },
  ),
  word(
    '621210 621290',
    'en bra|bralette|sports bra / zh 文胸|胸罩|内衣 / pt sutiã|sutia / de bh|büstenhalter / ja ブラジャー|ブラ / ms coli|bra',
    { weight: 1.3 },
  ),
  word(
    '611595 611596 611594 611599 611529 611530',
    'en socks|sock|stockings|crew socks|ankle socks / zh 袜子|袜|船袜|棉袜 / pt meia|meias|meia esportiva / de socken|strümpfe|sneakersocken / ja 靴下|ソックス / ms stokin|sarung kaki',
    { weight: 1.25, gloss: 'hosiery socks' },
  ),
  word(
    '611521 611522 611529',
    'en tights|pantyhose|panty hose / zh 连裤袜|丝袜 / pt meia-calça|meia calça / de strumpfhose / ja タイツ|ストッキング / ms stoking',
    { weight: 1.3, gloss: 'panty hose tights' },
  ),
  word(
    '611120 611130 611190 620920 620930',
    'en romper|bodysuit|onesie|baby clothes|baby romper|sleepsuit / zh 连体衣|婴儿服|哈衣|爬服|婴儿连体衣 / pt body|macacão|body de bebê|macacão de bebê / de strampler|babybody|body / ja ロンパース|ベビー服|カバーオール / ms rompers|baju bayi|jumpsuit bayi',
    { weight: 1.3, gloss: 'babies garments' },
  ),
  word(
    '611241 611231 611249 611239',
    'en swimsuit|bikini|swimwear|swimming costume|bathing suit|swim trunks|board shorts / zh 泳衣|比基尼|泳裤 / pt biquíni|biquini|maiô|sunga / de bikini|badeanzug|badehose|bademode / ja 水着|ビキニ / ms baju renang|bikini|seluar renang',
    { weight: 1.3, gloss: 'swimwear' },
  ),
  word(
    '611211 611212 611219',
    'en tracksuit|track suit|jogging suit / zh 运动套装 / pt agasalho|conjunto esportivo / de trainingsanzug|jogginganzug / ja ジャージ上下|セットアップ / ms baju trek|sut trek',
    { weight: 1.3, gloss: 'track suits' },
  ),
  word(
    '650500 650400 650610',
    'en hat|cap|beanie|bucket hat|baseball cap|sun hat / zh 帽子|棒球帽|毛线帽|渔夫帽|鸭舌帽 / pt boné|bone|chapéu|gorro / de mütze|kappe|hut|cap|basecap|beanie / ja 帽子|キャップ|ニット帽|ハット / ms topi',
    { weight: 1.15, gloss: 'hats headgear' },
  ),
  word(
    '650610',
    'en helmet|bike helmet|bicycle helmet|cycling helmet / zh 头盔|骑行头盔 / pt capacete / de helm|fahrradhelm / ja ヘルメット / ms topi keledar|helmet',
    { weight: 1.5, gloss: 'safety headgear' },
  ),
  word(
    '6214 6117',
    'en scarf|shawl|stole|muffler|pashmina|headscarf / zh 围巾|丝巾|披肩|头巾 / pt lenço|cachecol|echarpe|xale / de schal|halstuch|tuch / ja スカーフ|マフラー|ストール / ms selendang|skarf|tudung|shawl',
    { weight: 1.2, gloss: 'shawls scarves' },
  ),
  word('6215 6117', 'en tie|necktie|bow tie / zh 领带|领结 / pt gravata / de krawatte|fliege / ja ネクタイ / ms tali leher', {
    weight: 1.25,
    gloss: 'ties',
  }),
  word('6116 4203', 'en gloves|mittens / zh 手套 / pt luvas|luva / de handschuhe / ja 手袋|グローブ / ms sarung tangan', {
    weight: 1.25,
    gloss: 'gloves',
  }),
  word('420330', 'en belt|leather belt / zh 腰带|皮带 / pt cinto / de gürtel / ja ベルト / ms tali pinggang', {
    weight: 1.05,
    gloss: 'belts',
  }),
] as const;
