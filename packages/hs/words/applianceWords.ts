import { word } from './productWord.js';

/** Household and personal-care appliances and lighting (84, 85, 94): each has its own subheading. */
export const APPLIANCE_WORDS = [
  word(
    '850980',
    'en electric toothbrush|sonic toothbrush / zh 电动牙刷 / pt escova de dentes elétrica|escova elétrica / de elektrische zahnbürste|elektrozahnbürste|schallzahnbürste / ja 電動歯ブラシ / ms berus gigi elektrik',
    { weight: 1.65, gloss: 'electro-mechanical domestic appliances' },
  ),
  word(
    '851631',
    'en hair dryer|hairdryer|blow dryer|hair drier / zh 吹风机|电吹风 / pt secador de cabelo|secador / de haartrockner|föhn|fön / ja ヘアドライヤー|ドライヤー / ms pengering rambut',
    { weight: 1.45, gloss: 'hair dryers' },
  ),
  word(
    '851632',
    'en hair straightener|flat iron|curling iron|hair curler|straightener|curling wand / zh 直发器|卷发棒|夹板|卷发器 / pt chapinha|prancha de cabelo|modelador de cachos|alisador / de glätteisen|lockenstab / ja ヘアアイロン|カールアイロン / ms pelurus rambut|pengeriting rambut',
    { weight: 1.45, gloss: 'hair-dressing apparatus' },
  ),
  word(
    '851010',
    'en shaver|electric razor|electric shaver / zh 剃须刀|电动剃须刀 / pt barbeador|barbeador elétrico / de rasierer|elektrorasierer|rasierapparat / ja シェーバー|電気シェーバー|髭剃り / ms pencukur|pencukur elektrik',
    { weight: 1.4, gloss: 'shavers' },
  ),
  word(
    '851020',
    'en hair clipper|hair clippers|hair trimmer|beard trimmer|clippers|trimmer / zh 理发器|推子|电推剪 / pt máquina de cortar cabelo|aparador|máquina de corte / de haarschneider|haarschneidemaschine|bartschneider / ja バリカン / ms pemotong rambut|mesin gunting rambut',
    { weight: 1.4, gloss: 'hair clippers' },
  ),
  word(
    '851660',
    'en rice cooker|air fryer|slow cooker|electric oven|hot plate|induction cooker|electric grill|multicooker / zh 电饭煲|电饭锅|空气炸锅|电磁炉|电烤箱|电火锅 / pt panela elétrica de arroz|fritadeira elétrica|air fryer|fritadeira|forno elétrico|panela elétrica / de reiskocher|heißluftfritteuse|airfryer|backofen|kochplatte / ja 炊飯器|ノンフライヤー|エアフライヤー|電気オーブン|ih調理器 / ms periuk nasi|periuk nasi elektrik|penggoreng udara|ketuhar|air fryer',
    { weight: 1.45, gloss: 'ovens cookers' },
  ),
  word(
    '851650',
    'en microwave|microwave oven / zh 微波炉 / pt micro-ondas|microondas / de mikrowelle / ja 電子レンジ / ms ketuhar gelombang mikro|microwave',
    { weight: 1.45, gloss: 'microwave ovens' },
  ),
  word(
    '851672',
    'en toaster|sandwich toaster / zh 烤面包机|多士炉 / pt torradeira / de toaster / ja トースター / ms pembakar roti|toaster',
    { weight: 1.45, gloss: 'toasters' },
  ),
  word(
    '851671',
    'en coffee maker|coffee machine|espresso machine|tea maker|drip coffee maker / zh 咖啡机 / pt cafeteira|máquina de café|cafeteira elétrica / de kaffeemaschine|kaffeevollautomat|espressomaschine|kaffeeautomat / ja コーヒーメーカー|エスプレッソマシン / ms pembuat kopi|mesin kopi',
    { weight: 1.55, gloss: 'coffee tea makers' },
  ),
  word(
    '851679',
    'en kettle|electric kettle / zh 电热水壶|烧水壶|热水壶|电水壶 / pt chaleira elétrica|chaleira / de wasserkocher / ja 電気ケトル|ケトル / ms cerek elektrik|cerek|jag elektrik',
    { weight: 1.45, gloss: 'electro-thermic appliances' },
  ),
  word(
    '851640',
    'en iron|steam iron|clothes iron|garment steamer / zh 熨斗|电熨斗|挂烫机 / pt ferro de passar|ferro a vapor / de bügeleisen|dampfbügeleisen / ja アイロン|スチームアイロン / ms seterika|seterika wap',
    { weight: 1.25, gloss: 'smoothing irons' },
  ),
  word(
    '850940',
    'en blender|juicer|food processor|mixer|smoothie maker|stand mixer / zh 榨汁机|料理机|搅拌机|破壁机|榨汁杯 / pt liquidificador|processador de alimentos|espremedor|batedeira|mixer / de mixer|standmixer|entsafter|küchenmaschine|smoothie-maker / ja ミキサー|ジューサー|ブレンダー|フードプロセッサー / ms pengisar|pengisar buah|pemerah jus|blender',
    { weight: 1.45, gloss: 'food grinders mixers juice extractors' },
  ),
  word(
    '850811 850819',
    'en vacuum cleaner|stick vacuum|robot vacuum|handheld vacuum|cordless vacuum / zh 吸尘器|扫地机器人 / pt aspirador de pó|aspirador|aspirador robô / de staubsauger|saugroboter|akkusauger / ja 掃除機|ロボット掃除機 / ms pembersih vakum|penyedut habuk|vakum',
    { weight: 1.45, gloss: 'vacuum cleaners' },
  ),
  word(
    '841451 841459',
    'en fan|electric fan|desk fan|ceiling fan / zh 电风扇|风扇 / pt ventilador / de ventilator / ja 扇風機 / ms kipas|kipas angin',
    { weight: 1.35, gloss: 'fans' },
  ),
  word(
    '853952 853951',
    'en light bulb|led bulb|bulb / zh 灯泡|led灯泡 / pt lâmpada|lâmpada led / de glühbirne|leuchtmittel|led-lampe|glühlampe / ja 電球|led電球 / ms mentol|mentol led',
    { weight: 1.35, gloss: 'led lamps' },
  ),
  word(
    '940521 940529 940511',
    'en desk lamp|table lamp|reading lamp|bedside lamp|floor lamp|lamp|night light / zh 台灯|落地灯|床头灯|小夜灯 / pt luminária|abajur|luminária de mesa / de schreibtischlampe|tischlampe|stehlampe|lampe|nachttischlampe / ja デスクライト|テーブルランプ|スタンドライト|ランプ / ms lampu meja|lampu',
    { weight: 1.3, gloss: 'luminaires table desk' },
  ),
  word(
    '940531 940539',
    'en string lights|fairy lights|christmas lights|christmas tree lights / zh 彩灯|灯串|圣诞灯 / pt pisca-pisca|pisca pisca|cordão de luz / de lichterkette / ja イルミネーションライト|ストリングライト / ms lampu kelip-kelip|lampu hiasan',
    { weight: 1.45, gloss: 'lighting strings' },
  ),
  word(
    '901910',
    'en massager|massage gun|neck massager|massage chair|foot massager / zh 按摩器|筋膜枪|按摩椅|按摩仪 / pt massageador|pistola de massagem / de massagegerät|massagepistole / ja マッサージ器|マッサージガン / ms alat urut|pengurut|alat pengurut',
    { weight: 1.4, gloss: 'massage apparatus' },
  ),
  word(
    '901890 902519',
    'en blood pressure monitor|pulse oximeter|stethoscope|glucose meter / zh 血压计|血氧仪|听诊器|血糖仪 / pt medidor de pressão|oxímetro|aparelho de pressão / de blutdruckmessgerät|pulsoximeter / ja 血圧計|パルスオキシメーター / ms monitor tekanan darah|meter tekanan darah',
    { weight: 1.45, gloss: 'medical instruments' },
  ),
  word(
    '902519 902511',
    'en thermometer|digital thermometer / zh 体温计|温度计 / pt termômetro / de thermometer|fieberthermometer / ja 体温計|温度計 / ms termometer',
    { weight: 1.4, gloss: 'thermometers' },
  ),
] as const;
