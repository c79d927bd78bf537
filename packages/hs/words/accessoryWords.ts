import { word } from './productWord.js';

/** Footwear (64), bags and leather goods (42), jewellery (71), watches and clocks (91), eyewear (90). */
export const ACCESSORY_WORDS = [
  word(
    '640411 640419 640399 640299',
    'en shoes|sneakers|trainers|footwear|loafers|slip-ons / zh 鞋|鞋子|运动鞋|球鞋|板鞋|帆布鞋|休闲鞋 / pt tênis|sapato|sapatos|calçado|sapatênis / de schuhe|sneaker|turnschuhe|halbschuhe / ja 靴|シューズ|スニーカー / ms kasut',
    { weight: 1.15, gloss: 'footwear' },
  ),
  word(
    '640411 640319',
    'en running shoes|sports shoes|basketball shoes|tennis shoes|training shoes|gym shoes|trail running shoes|walking shoes / zh 跑步鞋|跑鞋|篮球鞋|运动跑鞋 / pt tênis de corrida|tênis esportivo|tênis de academia / de laufschuhe|sportschuhe|hallenschuhe|trailschuhe / ja ランニングシューズ|スポーツシューズ|運動靴 / ms kasut sukan|kasut lari|kasut larian',
    { weight: 1.3, gloss: 'sports footwear training shoes' },
  ),
  word(
    '640391 640291 640351 640419',
    'en boots|ankle boots|chelsea boots|hiking boots|rain boots / zh 靴子|短靴|马丁靴|雪地靴 / pt bota|botas|coturno / de stiefel|stiefeletten|boots|wanderschuhe / ja ブーツ|ショートブーツ / ms kasut but',
    { weight: 1.25, gloss: 'footwear covering the ankle' },
  ),
  word(
    '640220 640299 640399 640420',
    'en flip flops|flip-flops|slides|sandals|slippers|thongs sandals / zh 拖鞋|人字拖|凉鞋 / pt chinelo|chinelos|sandália|sandalia|rasteirinha / de flip-flops|zehentrenner|sandalen|hausschuhe|pantoffeln|badeschuhe|badelatschen / ja サンダル|スリッパ|ビーチサンダル / ms selipar|sandal|selipar jepun',
    { weight: 1.25, gloss: 'footwear straps thongs' },
  ),
  word(
    '420221 420222 420229',
    'en handbag|purse|tote|clutch|shoulder bag|crossbody bag|bag / zh 手提包|女包|挎包|斜挎包|包包|单肩包 / pt bolsa|bolsa feminina|bolsa de ombro / de handtasche|umhängetasche|tasche|schultertasche / ja バッグ|ハンドバッグ|ショルダーバッグ|トートバッグ / ms beg tangan|beg|beg bahu',
    { weight: 1.25, gloss: 'handbags' },
  ),
  word(
    '420292 420291',
    'en backpack|rucksack|duffel|duffel bag|gym bag|travel bag|tote bag|shopping bag|laptop bag|school bag / zh 双肩包|背包|书包|旅行包|电脑包 / pt mochila|bolsa de viagem|sacola|mala de mão / de rucksack|reisetasche|sporttasche|laptoptasche|schulranzen / ja リュック|リュックサック|バックパック|ボストンバッグ / ms beg galas|beg sandang|beg sekolah|beg pakaian',
    { weight: 1.45, gloss: 'containers textile' },
  ),
  word(
    '420231 420232',
    'en wallet|card holder|coin purse|billfold / zh 钱包|卡包|零钱包 / pt carteira|porta-cartões / de geldbörse|portemonnaie|brieftasche|geldbeutel|kartenetui / ja 財布|長財布|カードケース|小銭入れ / ms dompet',
    { weight: 1.35, gloss: 'pocket handbag' },
  ),
  word(
    '420212 420211 420219',
    'en suitcase|luggage|carry-on|trolley case|hardshell case / zh 行李箱|拉杆箱|旅行箱 / pt mala|mala de viagem / de koffer|trolley|hartschalenkoffer|reisekoffer / ja スーツケース|キャリーケース|キャリーバッグ / ms bagasi|beg beroda',
    { weight: 1.3, gloss: 'suit cases trunks' },
  ),
  word(
    '392690 420232 420231',
    'en phone case|phone cover|iphone case|case for iphone|protective case / zh 手机壳|手机套|保护壳 / pt capinha|capa de celular|capinha de celular|capa para celular / de handyhülle|handytasche|schutzhülle|handycase / ja スマホケース|携帯ケース|iphoneケース / ms sarung telefon|casing telefon|kes telefon',
    { weight: 1.5, gloss: 'articles' },
  ),
  word(
    '711719 711311 711319 711790',
    'en necklace|pendant|bracelet|ring|earrings|earring|anklet|jewelry|jewellery|brooch|chain necklace|bangle|hoop earrings|stud earrings / zh 项链|吊坠|手链|手镯|戒指|耳环|耳钉|首饰|饰品 / pt colar|pingente|pulseira|anel|brinco|brincos|joia|joias|bijuteria / de halskette|kette|anhänger|armband|ring|ohrringe|ohrstecker|schmuck|creolen / ja ネックレス|ペンダント|ブレスレット|指輪|リング|ピアス|イヤリング|アクセサリー / ms rantai leher|loket|gelang|cincin|subang|anting-anting|barang kemas',
    { weight: 1.2, gloss: 'jewellery' },
  ),
  word(
    '910211 910221 910212 910219 910291',
    'en watch|wristwatch|wrist watch|analog watch|quartz watch / zh 手表|腕表|石英表|机械表 / pt relógio|relógio de pulso / de armbanduhr|uhr|herrenuhr|damenuhr / ja 腕時計|時計|ウォッチ / ms jam tangan',
    { weight: 1.35, gloss: 'wrist-watches' },
  ),
  word(
    '851762',
    'en smart watch|smartwatch|fitness tracker|smart band|fitness band|activity tracker / zh 智能手表|手环|智能手环|运动手环 / pt relógio inteligente|smartwatch|pulseira inteligente / de smartwatch|fitnesstracker|fitness-tracker|fitnessarmband / ja スマートウォッチ|スマートバンド / ms jam tangan pintar|jam pintar',
    { weight: 1.7, gloss: 'communication apparatus' },
  ),
  word('910521 910529', 'en wall clock / zh 挂钟 / pt relógio de parede / de wanduhr / ja 掛け時計|壁掛け時計 / ms jam dinding', {
    weight: 1.5,
    gloss: 'wall clocks',
  }),
  word(
    '910511 910519 910591',
    'en alarm clock|clock|desk clock|table clock / zh 闹钟|时钟|台钟 / pt despertador|relógio despertador|relógio de mesa / de wecker|tischuhr|uhr wecker / ja 目覚まし時計|置き時計 / ms jam loceng|jam meja',
    { weight: 1.45, gloss: 'alarm clocks' },
  ),
  word(
    '900410',
    'en sunglasses|sun glasses|shades / zh 太阳镜|墨镜 / pt óculos de sol / de sonnenbrille / ja サングラス / ms cermin mata hitam|kaca mata hitam',
    { weight: 1.4, gloss: 'sunglasses' },
  ),
  word(
    '900490',
    'en eyeglasses|spectacles|reading glasses|goggles|swimming goggles|ski goggles|safety glasses / zh 眼镜|泳镜|老花镜|护目镜 / pt óculos|óculos de natação|óculos de leitura / de brille|lesebrille|schwimmbrille|skibrille / ja メガネ|眼鏡|ゴーグル|老眼鏡 / ms cermin mata|kaca mata|gogal',
    { weight: 1.3, gloss: 'spectacles goggles' },
  ),
  word(
    '660199 660191',
    'en umbrella|parasol / zh 雨伞|伞|遮阳伞 / pt guarda-chuva|sombrinha / de regenschirm|schirm / ja 傘|日傘|折りたたみ傘 / ms payung',
    { weight: 1.35, gloss: 'umbrellas' },
  ),
] as const;
