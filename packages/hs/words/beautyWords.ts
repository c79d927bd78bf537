import { word } from './productWord.js';

/** Cosmetics, perfumery and toiletries (33, 34, 96): the subheading follows the kind of preparation. */
export const BEAUTY_WORDS = [
  word(
    '330410',
    'en lipstick|lip gloss|lip tint|lip balm|lip liner|liquid lipstick / zh 口红|唇膏|唇釉|唇彩|润唇膏 / pt batom|gloss labial|brilho labial|batom líquido / de lippenstift|lipgloss|lippenbalsam|lippenpflege / ja 口紅|リップスティック|リップ|グロス|リップクリーム / ms gincu|gincu bibir|pelembap bibir|lip matte',
    { weight: 1.35, gloss: 'lip make-up' },
  ),
  word(
    '330420',
    'en eyeshadow|eye shadow|mascara|eyeliner|eyebrow pencil|brow pencil|eyeshadow palette|false eyelashes / zh 眼影|睫毛膏|眼线笔|眉笔|眼影盘|眼线 / pt sombra|paleta de sombras|máscara de cílios|rímel|delineador|lápis de sobrancelha / de lidschatten|wimperntusche|mascara|eyeliner|augenbrauenstift|lidschattenpalette / ja アイシャドウ|マスカラ|アイライナー|アイブロウ / ms pembayang mata|maskara|celak|pensel kening',
    { weight: 1.4, gloss: 'eye make-up' },
  ),
  word(
    '330430',
    'en nail polish|nail varnish|gel polish|nail lacquer|nail art|gel nail polish / zh 指甲油|甲油胶|美甲 / pt esmalte|esmalte de unha|esmaltes / de nagellack|gel-nagellack / ja マニキュア|ネイル|ジェルネイル|ネイルポリッシュ / ms pengilat kuku|cat kuku|pewarna kuku',
    { weight: 1.4, gloss: 'manicure preparations' },
  ),
  word(
    '330491',
    'en face powder|setting powder|loose powder|pressed powder|compact powder / zh 散粉|蜜粉|粉饼 / pt pó facial|pó compacto|pó solto / de puder|gesichtspuder|kompaktpuder / ja フェイスパウダー|おしろい|ルースパウダー / ms bedak|bedak muka|bedak padat',
    { weight: 1.4, gloss: 'powders' },
  ),
  word(
    '330499',
    'en face cream|moisturizer|moisturiser|moisturising cream|serum|face serum|lotion|body lotion|sunscreen|sunblock|toner|foundation|liquid foundation|bb cream|cc cream|sheet mask|sheet face mask|facial mask|clay mask|eye cream|cleansing oil|concealer|skincare|skin care|hand cream|cream|night cream / zh 面霜|精华|精华液|乳液|爽肤水|防晒霜|防晒|粉底液|粉底|面膜|眼霜|护肤|身体乳|护手霜|化妆水|遮瑕 / pt creme facial|creme|hidratante|creme hidratante|sérum|serum|loção|protetor solar|base líquida|máscara facial|máscaras faciais|tônico|corretivo / de gesichtscreme|feuchtigkeitscreme|serum|lotion|sonnencreme|sonnenschutz|foundation|tuchmaske|tuchmasken|gesichtsmaske|creme|handcreme|bodylotion|nachtcreme|make-up / ja 化粧水|乳液|美容液|クリーム|日焼け止め|ファンデーション|フェイスマスク|シートマスク|パック|保湿クリーム / ms krim|krim muka|pelembap|serum|losyen|pelindung matahari|alas bedak|topeng muka|penjagaan kulit|krim pelembap',
    { weight: 1.2, gloss: 'preparations for the care of the skin' },
  ),
  word('330510', 'en shampoo / zh 洗发水|洗发露|洗发精 / pt shampoo|xampu / de shampoo|haarshampoo / ja シャンプー / ms syampu', {
    weight: 1.4,
    gloss: 'shampoos',
  }),
  word(
    '330590',
    'en conditioner|hair conditioner|hair mask|hair oil|hair spray|hair gel|hair wax|hair serum / zh 护发素|发膜|发油|发胶|发蜡|护发精油 / pt condicionador|máscara capilar|óleo capilar|creme de pentear / de spülung|haarspülung|haarkur|haarspray|haargel|haaröl / ja コンディショナー|トリートメント|ヘアオイル|ヘアワックス / ms perapi rambut|minyak rambut|serum rambut',
    { weight: 1.4, gloss: 'hair preparations' },
  ),
  word(
    '330300',
    'en perfume|eau de parfum|eau de toilette|cologne|fragrance|edp|edt|body mist / zh 香水|淡香水 / pt perfume|colônia|deo colônia / de parfüm|parfum|eau de toilette|eau de parfum|duft / ja 香水|オードトワレ|オードパルファム|フレグランス / ms minyak wangi|pewangi|perfume',
    { weight: 1.4, gloss: 'perfumes toilet waters' },
  ),
  word(
    '330610',
    'en toothpaste / zh 牙膏 / pt creme dental|pasta de dente|pasta de dentes / de zahnpasta|zahncreme / ja 歯磨き粉|歯みがき粉 / ms ubat gigi',
    { weight: 1.45, gloss: 'dentifrices' },
  ),
  word(
    '330720',
    'en deodorant|antiperspirant|roll-on|roll on / zh 止汗露|香体露|止汗剂 / pt desodorante / de deodorant|deo|deoroller / ja デオドラント|制汗剤 / ms deodoran|penyahbau',
    { weight: 1.4, gloss: 'personal deodorants' },
  ),
  word(
    '330741 330749',
    'en incense|incense sticks|agarbatti|reed diffuser|room fragrance / zh 线香|盘香|藏香|香薰 / pt incenso|difusor de aromas / de räucherstäbchen|weihrauch|raumduft / ja お香|線香|ディフューザー / ms colok|kemenyan|setanggi',
    { weight: 1.35, gloss: 'agarbatti odoriferous preparations' },
  ),
  word(
    '340111 340119',
    'en soap|bar soap|soap bar|handmade soap / zh 香皂|肥皂|手工皂 / pt sabonete|sabão|sabonete em barra / de seife|handseife / ja 石鹸|せっけん|石けん / ms sabun|sabun mandi|sabun buku',
    { weight: 1.3, gloss: 'soap bars' },
  ),
  word(
    '340130',
    'en shower gel|body wash|face wash|facial cleanser|cleanser|hand wash|liquid soap|foaming cleanser / zh 沐浴露|洗面奶|洁面乳|洗手液 / pt sabonete líquido|gel de banho|sabonete facial|gel de limpeza / de duschgel|waschgel|flüssigseife|reinigungsgel / ja ボディソープ|洗顔料|洗顔フォーム|ハンドソープ / ms sabun mandi cecair|pencuci muka|sabun muka|sabun cecair',
    { weight: 1.45, gloss: 'washing the skin liquid' },
  ),
  word(
    '330129 330190',
    'en essential oil|essential oils|aromatherapy oil / zh 精油 / pt óleo essencial|óleos essenciais / de ätherisches öl|duftöl / ja エッセンシャルオイル|精油|アロマオイル / ms minyak pati|minyak esensial',
    { weight: 1.45, gloss: 'essential oils' },
  ),
  word(
    '960330',
    'en makeup brush|make-up brush|cosmetic brush|brush set|paint brush|paintbrush|makeup brushes / zh 化妆刷|刷子|画笔 / pt pincel de maquiagem|pincel|pincéis / de pinsel|make-up pinsel|schminkpinsel / ja メイクブラシ|化粧筆|筆 / ms berus solek|berus mekap',
    { weight: 1.35, gloss: 'brushes application of cosmetics' },
  ),
  word(
    '960321',
    'en toothbrush|toothbrushes / zh 牙刷 / pt escova de dentes|escova dental / de zahnbürste|zahnbürsten / ja 歯ブラシ / ms berus gigi',
    { weight: 1.35, gloss: 'toothbrushes' },
  ),
  word(
    '961511 961519',
    'en comb|hair comb|hair clip|hairpin|scrunchie / zh 梳子|发夹|发卡 / pt pente|presilha|piranha de cabelo / de kamm|haarspange|haarklammer / ja くし|ヘアクリップ|ヘアピン / ms sikat|penyepit rambut',
    { weight: 1.3, gloss: 'combs hair-slides' },
  ),
  word(
    '340600',
    'en candle|candles|scented candle / zh 蜡烛|香薰蜡烛 / pt vela|velas|vela aromática / de kerze|kerzen|duftkerze / ja キャンドル|ろうそく|アロマキャンドル / ms lilin|lilin wangi',
    { weight: 1.35, gloss: 'candles' },
  ),
] as const;
