import { word } from './productWord.js';

/**
 * Kitchen, table and home (39, 44, 63, 69, 70, 73, 76, 82, 94, 96). A cup, pot or board lists the
 * subheadings of each material it is commonly made of; the material word in the title picks one.
 */
export const HOME_WORDS = [
  word(
    '691200 691110 392410 732393 701337',
    'en mug|cup|teacup|tea cup|plate|plates|bowl|dinnerware|tableware|saucer|teapot|dish|dinner set|coffee cup / zh 杯子|马克杯|茶杯|盘子|碗|餐具|茶壶|碟子|咖啡杯 / pt caneca|xícara|prato|pratos|tigela|aparelho de jantar|bule / de tasse|teetasse|becher|teller|schüssel|geschirr|teekanne|kaffeetasse / ja マグカップ|カップ|湯呑み|湯呑|湯のみ|皿|お皿|茶碗|急須|食器|ボウル / ms cawan|cawan teh|mug|pinggan|mangkuk|teko',
    { weight: 1.35, gloss: 'tableware kitchenware' },
  ),
  word(
    '701337 701328 701349',
    'en drinking glass|drinking glasses|tumbler|tumblers|glassware|highball glass / zh 玻璃杯|水晶杯 / pt copo|copos|copo de vidro / de trinkglas|trinkgläser|wasserglas / ja グラス|タンブラー / ms gelas|cawan kaca',
    { weight: 1.4, gloss: 'drinking glasses' },
  ),
  word(
    '701328',
    'en wine glass|wine glasses|champagne flute|stemware / zh 红酒杯|高脚杯 / pt taça|taças|taça de vinho / de weinglas|weingläser|sektglas / ja ワイングラス / ms gelas wain',
    { weight: 1.5, gloss: 'stemware drinking glasses' },
  ),
  word(
    '961700',
    'en vacuum flask|thermos|insulated bottle|insulated tumbler|travel mug|thermal flask / zh 保温杯|保温瓶|保温壶|焖烧杯 / pt garrafa térmica|térmica|copo térmico / de thermosflasche|isolierflasche|thermobecher / ja 魔法瓶|保温ボトル|真空ボトル / ms termos|botol termos|botol kalis haba',
    { weight: 1.55, gloss: 'vacuum flasks' },
  ),
  word(
    '732393 392410 961700 761510',
    'en water bottle|drink bottle|sports bottle|bottle / zh 水杯|水壶|水瓶|运动水壶 / pt garrafa|garrafa de água|squeeze / de trinkflasche|flasche|wasserflasche / ja 水筒|ボトル|マイボトル / ms botol air|botol',
    { weight: 1.3, gloss: 'household articles' },
  ),
  word(
    '392490',
    'en baby bottle|feeding bottle / zh 奶瓶 / pt mamadeira / de babyflasche|trinkflasche baby / ja 哺乳瓶 / ms botol susu|botol susu bayi',
    { weight: 1.55, gloss: 'plastics household hygienic articles' },
  ),
  word(
    '441912 441990 441920 732393 392410',
    'en chopsticks / zh 筷子 / pt hashi|palitos / de essstäbchen / ja 箸|お箸 / ms penyepit|chopstick|sepit',
    { weight: 1.45, gloss: 'tableware kitchenware' },
  ),
  word(
    '441911 441990 441920 392410',
    'en cutting board|chopping board|bread board|serving board / zh 砧板|菜板|切菜板 / pt tábua de corte|tábua de carne / de schneidebrett|brotbrett|frühstücksbrett / ja まな板|カッティングボード / ms papan pemotong|papan landas',
    { weight: 1.45, gloss: 'chopping boards' },
  ),
  word(
    '441990 441919 392410',
    'en wooden spoon|spatula|ladle|kitchen utensils / zh 木勺|锅铲|汤勺 / pt colher de pau|espátula|concha / de holzlöffel|pfannenwender|kochlöffel / ja しゃもじ|へら|お玉 / ms sudip|senduk',
    { weight: 1.3, gloss: 'kitchenware' },
  ),
  word(
    '821192 821191',
    'en knife|kitchen knife|chef knife|chefs knife|santoku|cleaver|steak knife|knives|knife set / zh 菜刀|厨刀|水果刀|刀具|厨师刀 / pt faca|faca de cozinha|facas|faca do chef / de messer|kochmesser|küchenmesser|messerset / ja 包丁|ナイフ|三徳包丁|牛刀 / ms pisau|pisau dapur',
    { weight: 1.35, gloss: 'knives fixed blades' },
  ),
  word('821300', 'en scissors|shears|kitchen scissors / zh 剪刀 / pt tesoura / de schere|küchenschere / ja はさみ|ハサミ / ms gunting', {
    weight: 1.45,
    gloss: 'scissors',
  }),
  word(
    '761510 732393 732391 732399',
    'en frying pan|pan|skillet|wok|pot|saucepan|cookware|pressure cooker|stockpot|cooking pot|casserole / zh 锅|炒锅|平底锅|煎锅|汤锅|不粘锅|压力锅|奶锅 / pt panela|frigideira|panela de pressão|wok|caçarola / de pfanne|bratpfanne|topf|kochtopf|wok|schnellkochtopf / ja フライパン|鍋|中華鍋|圧力鍋|片手鍋 / ms kuali|periuk|kuali leper|periuk tekanan',
    { weight: 1.35, gloss: 'table kitchen household articles' },
  ),
  word(
    '392410 392490',
    'en food container|storage container|lunch box|bento box|plastic container|baking mat|ice cube tray|storage box / zh 保鲜盒|饭盒|便当盒|收纳盒|收纳箱 / pt pote|potes|marmita|vasilha|pote hermético|tapete de silicone / de frischhaltedose|brotdose|vorratsdose|lunchbox|backmatte|aufbewahrungsbox / ja 保存容器|弁当箱|タッパー|収納ボックス / ms bekas makanan|bekas plastik|kotak bekal|kotak simpanan',
    { weight: 1.35, gloss: 'plastics tableware kitchenware' },
  ),
  word(
    '630260 630291 630293',
    'en towel|towels|bath towel|hand towel|beach towel|face towel|towel set / zh 毛巾|浴巾|方巾 / pt toalha|toalhas|toalha de banho|jogo de toalhas / de handtuch|handtücher|badetuch|duschtuch|strandtuch / ja タオル|バスタオル|フェイスタオル / ms tuala|tuala mandi',
    { weight: 1.4, gloss: 'toilet linen terry towelling' },
  ),
  word(
    '630231 630221 630232 630222 630239',
    'en bed sheet|bed sheets|sheet set|duvet cover|pillowcase|bedding set|bed linen|fitted sheet / zh 床单|被套|枕套|四件套|床上用品 / pt lençol|jogo de cama|fronha|capa de edredom / de bettwäsche|bettlaken|spannbettlaken|kissenbezug / ja シーツ|布団カバー|枕カバー / ms cadar|sarung bantal|set cadar',
    { weight: 1.45, gloss: 'bed linen' },
  ),
  word(
    '940490 940440',
    'en pillow|cushion|duvet|comforter|quilt|mattress topper|throw pillow / zh 枕头|抱枕|靠垫|被子|羽绒被|枕芯 / pt travesseiro|almofada|edredom / de kopfkissen|kissen|bettdecke|steppdecke|daunendecke / ja 枕|まくら|クッション|布団|掛け布団 / ms bantal|kusyen|selimut tebal',
    { weight: 1.35, gloss: 'bedding pillows quilts' },
  ),
  word(
    '630140 630130 630120 630190',
    'en blanket|throw|fleece blanket|throw blanket / zh 毯子|毛毯|盖毯|珊瑚绒毯 / pt manta|cobertor / de decke|kuscheldecke|wolldecke|tagesdecke / ja 毛布|ブランケット|ひざ掛け / ms selimut|gebar',
    { weight: 1.35, gloss: 'blankets' },
  ),
  word(
    '630392 630391 630399',
    'en curtain|curtains|drapes|blackout curtains|blackout curtain / zh 窗帘|遮光窗帘 / pt cortina|cortinas|cortina blackout / de vorhang|vorhänge|gardine|gardinen|verdunklungsvorhang / ja カーテン|遮光カーテン / ms langsir|tirai',
    { weight: 1.45, gloss: 'curtains' },
  ),
  word(
    '441490 392690',
    'en picture frame|photo frame / zh 相框|画框 / pt porta-retrato|porta retrato|moldura / de bilderrahmen|fotorahmen / ja フォトフレーム|写真立て|額縁 / ms bingkai gambar|bingkai foto',
    { weight: 1.45, gloss: 'wooden frames photographs' },
  ),
  word(
    '691390 691310 442019 442011 392640',
    'en figurine|statue|statuette|ornament|vase|sculpture|carving|decoration / zh 摆件|花瓶|雕像|雕塑|木雕|工艺品 / pt enfeite|estatueta|vaso|escultura|decoração / de figur|vase|skulptur|deko|dekofigur / ja 置物|花瓶|フィギュリン|オブジェ|彫刻 / ms hiasan|pasu|arca|ukiran',
    { weight: 1.25, gloss: 'statuettes ornaments' },
  ),
  word(
    '460212 460211 460219 460290',
    'en basket|woven basket|wicker basket|storage basket|hamper / zh 篮|篮子|编织篮|收纳篮|藤编篮 / pt cesto|cesta|balaio / de korb|weidenkorb|flechtkorb / ja かご|カゴ|バスケット / ms bakul|raga',
    { weight: 1.35, gloss: 'basketwork wickerwork' },
  ),
  word(
    '500720 520812 540761 511211',
    'en fabric|cloth|fabric by the metre|fabric by the yard|textile / zh 面料|布料 / pt tecido / de stoff|meterware / ja 生地|布地 / ms kain',
    { weight: 1.25, gloss: 'woven fabrics' },
  ),
  word(
    '630790',
    'en face mask|face masks|surgical mask|disposable mask|disposable face mask|kf94|n95 / zh 口罩 / pt máscara cirúrgica|máscara descartável / de mundschutz|maske|ffp2 maske / ja マスク|不織布マスク / ms pelitup muka|pelitup',
    { weight: 1.3, gloss: 'made up articles textile' },
  ),
  word(
    '961900',
    'en diapers|nappies|diaper|nappy|sanitary pads|tampons|panty liners / zh 纸尿裤|尿不湿|尿布|卫生巾|拉拉裤 / pt fralda|fraldas|absorvente / de windeln|windel|binden|tampons / ja おむつ|紙おむつ|ナプキン / ms lampin|lampin pakai buang|tuala wanita|diaper',
    { weight: 1.55, gloss: 'diapers napkins' },
  ),
  word(
    '420100',
    'en dog collar|collar|leash|dog leash|harness|pet harness|cat collar / zh 狗绳|项圈|牵引绳|胸背带|狗链 / pt coleira|guia para cachorro|peitoral para cachorro / de hundeleine|halsband|leine|hundehalsband / ja 首輪|リード|ハーネス / ms kolar anjing|tali anjing|kolar kucing',
    { weight: 1.4, gloss: 'saddlery harness animal' },
  ),
] as const;
