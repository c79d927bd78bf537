import { word } from './productWord.js';

/**
 * Food and drink (chapters 04 to 23). Tea and coffee say in the word itself which subheading they
 * are (green or fermented tea; roasted, decaffeinated or instant coffee); retail packs are assumed,
 * which is what a marketplace sells.
 */
export const FOOD_WORDS = [
  word(
    '090210 090230',
    'en tea|tea leaves|loose leaf tea|tea bags|teabags|loose tea / zh 茶|茶叶|袋泡茶|茶包 / pt chá|chá em folhas|chá em sachês / de tee|teebeutel|loser tee / ja 茶|お茶|茶葉|ティーバッグ|日本茶 / ms teh|teh uncang|daun teh',
    { weight: 0.95, gloss: 'tea' },
  ),
  word(
    '090210',
    'en green tea|matcha|sencha|gyokuro|genmaicha|hojicha|longjing|jasmine tea / zh 绿茶|抹茶|龙井|碧螺春|毛尖|茉莉花茶 / pt chá verde|matcha / de grüner tee|grüntee|matcha|sencha|jasmintee / ja 緑茶|抹茶|煎茶|玉露|ほうじ茶|玄米茶|宇治茶 / ms teh hijau|matcha',
    { weight: 1.2, gloss: 'tea green' },
  ),
  word(
    '090230',
    'en black tea|oolong|oolong tea|pu-erh|puerh|pu erh|earl grey|assam|darjeeling|english breakfast|ceylon tea / zh 红茶|乌龙茶|乌龙|普洱|普洱茶|铁观音|大红袍|滇红|紅茶 / pt chá preto|chá oolong / de schwarzer tee|schwarztee|oolong|earl grey|oolong-tee / ja 紅茶|烏龍茶|ウーロン茶|プーアル茶|アールグレイ / ms teh hitam|teh oolong|teh o',
    { weight: 1.2, gloss: 'tea black fermented' },
  ),
  word(
    '090121 090122 090111',
    'en coffee|coffee beans|ground coffee|espresso|arabica|robusta|roasted coffee|drip coffee|coffee pods|coffee capsules / zh 咖啡|咖啡豆|咖啡粉|挂耳咖啡 / pt café|café em grãos|café moído|café torrado|cápsulas de café / de kaffee|kaffeebohnen|espresso|gemahlener kaffee|röstkaffee|kaffeekapseln / ja コーヒー|コーヒー豆|珈琲|ドリップコーヒー|コーヒー粉 / ms kopi|biji kopi|kopi kisar|kopi serbuk',
    { weight: 1.0, gloss: 'coffee roasted' },
  ),
  word(
    '090111 090112',
    'en green coffee beans|unroasted coffee / zh 咖啡生豆 / pt café verde|café cru / de rohkaffee / ja 生豆|コーヒー生豆 / ms biji kopi mentah',
    { weight: 1.3, gloss: 'coffee not roasted' },
  ),
  word(
    '210111',
    'en instant coffee|coffee granules|soluble coffee|freeze dried coffee / zh 速溶咖啡|冻干咖啡 / pt café solúvel|café instantâneo / de löslicher kaffee|instantkaffee|pulverkaffee / ja インスタントコーヒー / ms kopi segera|kopi larut',
    { weight: 1.4, gloss: 'extracts essences coffee' },
  ),
  word(
    '210112',
    'en 3 in 1 coffee|3 in 1|3in1|2 in 1 coffee|coffee mix|white coffee mix / zh 三合一|二合一|咖啡三合一 / pt café 3 em 1|3 em 1 / de 3 in 1 kaffee / ja コーヒーミックス|スティックコーヒー / ms 3 dalam 1|kopi 3 dalam 1|2 dalam 1|kopi putih',
    { weight: 1.5, gloss: 'preparations basis coffee' },
  ),
  word(
    '210120',
    'en instant tea|milk tea powder|tea extract / zh 奶茶粉|速溶茶 / pt chá solúvel / de instanttee / ja インスタントティー / ms teh tarik segera',
    { weight: 1.4, gloss: 'extracts tea' },
  ),
  word(
    '040900',
    'en honey|raw honey|manuka honey / zh 蜂蜜|土蜂蜜 / pt mel|mel de abelha / de honig / ja はちみつ|蜂蜜|ハチミツ / ms madu|madu lebah|madu kelulut',
    { weight: 1.3, gloss: 'honey natural' },
  ),
  word(
    '180632 180631 180690 180610',
    'en chocolate|chocolate bar|dark chocolate|milk chocolate|cocoa|truffles chocolate / zh 巧克力|黑巧克力|可可 / pt chocolate|barra de chocolate|cacau / de schokolade|zartbitterschokolade|vollmilchschokolade|kakao / ja チョコレート|チョコ|ココア / ms coklat|cokelat|coklat susu',
    { weight: 1.2, gloss: 'chocolate bars' },
  ),
  word(
    '190531 190532 190590',
    'en cookies|biscuits|biscuit|cookie|shortbread|butter cookies|crackers|wafers / zh 饼干|曲奇|苏打饼干|威化 / pt biscoito|biscoitos|bolacha|bolachas|cookies / de kekse|keks|plätzchen|butterkekse|cookies / ja クッキー|ビスケット|せんべい|ウエハース / ms biskut|kuki',
    { weight: 1.3, gloss: 'sweet biscuits' },
  ),
  word(
    '190230',
    'en instant noodles|ramen|cup noodles|instant ramen / zh 方便面|泡面|速食面|拉面 / pt miojo|macarrão instantâneo|lámen / de instantnudeln|instant-nudeln|ramen / ja ラーメン|カップ麺|インスタントラーメン|袋麺 / ms mee segera|megi',
    { weight: 1.4, gloss: 'pasta cooked prepared' },
  ),
  word(
    '190219 190211 190230',
    'en pasta|spaghetti|macaroni|noodles|udon|soba|penne|fusilli|rice noodles / zh 面条|意大利面|挂面|米粉|乌冬面 / pt macarrão|espaguete|massa de macarrão|talharim / de nudeln|spaghetti|pasta|makkaroni / ja パスタ|うどん|そば|スパゲッティ|麺 / ms mee|spageti|pasta|bihun|kuey teow',
    { weight: 1.3, gloss: 'pasta uncooked' },
  ),
  word(
    '100630',
    'en rice|basmati rice|jasmine rice|basmati|sushi rice / zh 大米|香米|粳米|东北大米 / pt arroz|arroz branco / de reis|basmatireis / ja お米|白米|精米|新米 / ms beras|beras wangi',
    { weight: 1.2, gloss: 'rice milled' },
  ),
  word(
    '150920 150930 150990',
    'en olive oil|extra virgin olive oil / zh 橄榄油|初榨橄榄油 / pt azeite|azeite de oliva / de olivenöl / ja オリーブオイル / ms minyak zaitun',
    { weight: 1.4, gloss: 'olive oil' },
  ),
  word(
    '210310',
    'en soy sauce|soya sauce|shoyu|tamari / zh 酱油|生抽|老抽 / pt molho de soja|shoyu / de sojasauce|sojasoße / ja 醤油|しょうゆ|しょう油 / ms kicap|kicap manis|kicap masin',
    { weight: 1.45, gloss: 'sauces soya' },
  ),
  word(
    '210390 210320',
    'en chili sauce|hot sauce|sauce|sriracha|bbq sauce|seasoning|curry paste|ketchup / zh 辣椒酱|调料|调味料|火锅底料|老干妈 / pt molho|molho de pimenta|tempero|ketchup / de soße|sauce|würzsauce|gewürzmischung|ketchup / ja ソース|調味料|タレ|カレールー / ms sos|sos cili|perencah|sambal',
    { weight: 1.2, gloss: 'sauces condiments' },
  ),
  word(
    '200811',
    'en peanut butter|peanuts|roasted peanuts / zh 花生酱|花生 / pt pasta de amendoim|amendoim / de erdnussbutter|erdnüsse / ja ピーナッツバター|ピーナッツ / ms mentega kacang|kacang tanah',
    { weight: 1.35, gloss: 'ground-nuts' },
  ),
  word(
    '200819 080132 080212',
    'en roasted nuts|cashew|cashews|cashew nuts|almonds|pistachios|mixed nuts|walnuts|macadamia|nuts / zh 腰果|杏仁|开心果|坚果|核桃|夏威夷果 / pt castanha de caju|castanhas|amêndoas|nozes|mix de castanhas / de cashewkerne|mandeln|pistazien|nüsse|nussmischung|walnüsse / ja カシューナッツ|アーモンド|ナッツ|くるみ|ミックスナッツ / ms kacang gajus|badam|kacang campuran',
    { weight: 1.25, gloss: 'nuts prepared preserved' },
  ),
  word('170220', 'en maple syrup / zh 枫糖浆 / pt xarope de bordo / de ahornsirup / ja メープルシロップ / ms sirap maple', {
    weight: 1.55,
    gloss: 'maple syrup',
  }),
  word(
    '170490',
    'en candy|gummies|gummy bears|sweets|lollipop|marshmallow|toffee|jelly beans|hard candy / zh 糖果|软糖|棒棒糖|奶糖|水果糖 / pt bala|balas|goma|gomas|pirulito|jujuba|doce / de bonbons|gummibärchen|fruchtgummi|lutscher|süßigkeiten|weingummi / ja キャンディ|グミ|飴|マシュマロ|キャンディー / ms gula-gula|gula gula|jeli|gula',
    { weight: 1.3, gloss: 'sugar confectionery' },
  ),
  word(
    '071239 071231',
    'en dried mushrooms|shiitake|dried shiitake|wood ear / zh 香菇|干香菇|木耳|干木耳 / pt cogumelo seco|cogumelos secos|shiitake / de getrocknete pilze|shiitake|trockenpilze / ja 干し椎茸|椎茸|しいたけ|きくらげ / ms cendawan kering|cendawan shiitake',
    { weight: 1.35, gloss: 'mushrooms dried' },
  ),
  word(
    '090620 090611 090619',
    'en cinnamon|cinnamon sticks / zh 肉桂|桂皮|肉桂粉 / pt canela|canela em pó / de zimt|zimtstangen / ja シナモン / ms kayu manis',
    { weight: 1.35, gloss: 'cinnamon' },
  ),
  word(
    '090412 090411',
    'en black pepper|pepper / zh 黑胡椒|胡椒粉 / pt pimenta do reino|pimenta preta / de pfeffer|schwarzer pfeffer / ja 黒胡椒|こしょう / ms lada hitam',
    { weight: 1.3, gloss: 'pepper' },
  ),
  word(
    '220300',
    'en beer|ipa|lager|ale|pilsner|stout|craft beer / zh 啤酒|精酿啤酒 / pt cerveja|chope / de bier|pils|weizenbier|helles / ja ビール|クラフトビール / ms bir',
    { weight: 1.35, gloss: 'beer' },
  ),
  word(
    '220421 220410 220422',
    'en wine|red wine|white wine|rose wine|cabernet|merlot|chardonnay|sauvignon|pinot / zh 葡萄酒|红酒|干红|白葡萄酒|干白 / pt vinho|vinho tinto|vinho branco|vinho rosé / de wein|rotwein|weißwein|roséwein / ja ワイン|赤ワイン|白ワイン / ms wain',
    { weight: 1.25, gloss: 'wine still' },
  ),
  word(
    '220410',
    'en sparkling wine|champagne|prosecco|cava|brut / zh 起泡酒|香槟 / pt espumante|champanhe / de sekt|schaumwein|champagner|prosecco / ja スパークリングワイン|シャンパン / ms wain berbuih',
    { weight: 1.4, gloss: 'wine sparkling' },
  ),
  word(
    '220600',
    'en sake|cider|mead|makgeolli|hard cider / zh 清酒|米酒|黄酒|果酒 / pt saquê|sidra / de sake|apfelwein|cidre|met / ja 日本酒|清酒|純米酒|吟醸 / ms sake|tuak',
    { weight: 1.4, gloss: 'fermented beverages' },
  ),
  word('220830', 'en whisky|whiskey|scotch|bourbon / zh 威士忌 / pt uísque|whisky / de whisky / ja ウイスキー / ms wiski', {
    weight: 1.45,
    gloss: 'whiskies',
  }),
  word('220860', 'en vodka / zh 伏特加 / pt vodca|vodka / de wodka / ja ウォッカ / ms vodka', { weight: 1.45, gloss: 'vodka' }),
  word('220850', 'en gin / zh 金酒|杜松子酒 / pt gin / de gin / ja ジン / ms gin', { weight: 1.45, gloss: 'gin' }),
  word('220840', 'en rum|cachaca / zh 朗姆酒 / pt rum|cachaça|pinga / de rum / ja ラム酒 / ms rum', {
    weight: 1.45,
    gloss: 'rum sugar-cane',
  }),
  word('220820', 'en brandy|cognac / zh 白兰地|干邑 / pt conhaque / de weinbrand|cognac / ja ブランデー|コニャック / ms brandi', {
    weight: 1.45,
    gloss: 'spirits grape wine',
  }),
  word('220870', 'en liqueur / zh 利口酒 / pt licor / de likör / ja リキュール / ms likur', { weight: 1.45, gloss: 'liqueurs' }),
  word(
    '220890',
    'en baijiu|tequila|soju|shochu|schnapps|spirits / zh 白酒|高粱酒|二锅头|茅台 / pt tequila|aguardente / de schnaps|korn|obstler / ja 焼酎|泡盛 / ms arak|soju',
    { weight: 1.45, gloss: 'spirits' },
  ),
  word(
    '230910',
    'en dog food|cat food|pet food|kibble|dog treats|cat treats / zh 狗粮|猫粮|宠物食品|狗零食|猫罐头 / pt ração|ração para cães|ração para gatos|petisco para cães / de hundefutter|katzenfutter|tierfutter|trockenfutter / ja ドッグフード|キャットフード|ペットフード / ms makanan kucing|makanan anjing|makanan haiwan',
    { weight: 1.5, gloss: 'dog cat food' },
  ),
] as const;
