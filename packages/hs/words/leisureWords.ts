import { word } from './productWord.js';

/** Toys, games, sports, outdoors, music, books and stationery, baby and car goods (40, 48, 49, 87, 92, 95, 96). */
export const LEISURE_WORDS = [
  word(
    '950300',
    'en toy|toys|lego|building blocks|blocks|plush|plush toy|stuffed animal|teddy bear|doll|puzzle|jigsaw|jigsaw puzzle|rc car|remote control car|action figure|model kit|toy car / zh 玩具|积木|毛绒|公仔|娃娃|玩偶|拼图|遥控车|手办|毛绒玩具 / pt brinquedo|brinquedos|blocos de montar|pelúcia|boneca|boneco|quebra-cabeça|quebra cabeça|carrinho de controle remoto / de spielzeug|bausteine|plüschtier|kuscheltier|puppe|puzzle|ferngesteuertes auto|holzspielzeug / ja おもちゃ|ブロック|ぬいぐるみ|人形|パズル|ジグソーパズル|ラジコン|フィギュア|プラモデル / ms mainan|blok binaan|anak patung|teka-teki|teka teki|kereta kawalan jauh',
    { weight: 1.2, gloss: 'toys' },
  ),
  word(
    '950490',
    'en board game|chess|chess set|checkers|mahjong|dominoes|card game|tabletop game / zh 桌游|象棋|国际象棋|麻将|围棋|跳棋 / pt jogo de tabuleiro|xadrez|dominó / de brettspiel|gesellschaftsspiel|schach|schachspiel|kartenspiel / ja ボードゲーム|将棋|チェス|麻雀|囲碁 / ms permainan papan|catur',
    { weight: 1.4, gloss: 'table parlour games' },
  ),
  word(
    '950440',
    'en playing cards|poker cards|deck of cards|poker deck / zh 扑克|扑克牌 / pt baralho|cartas de baralho / de spielkarten|pokerkarten / ja トランプ / ms daun terup|kad permainan',
    { weight: 1.45, gloss: 'playing cards' },
  ),
  word(
    '950691 950699',
    'en yoga mat|dumbbell|dumbbells|kettlebell|resistance band|fitness equipment|jump rope|skipping rope|pull up bar|exercise mat|ab roller|yoga block / zh 瑜伽垫|哑铃|壶铃|弹力带|跳绳|健身器材 / pt tapete de yoga|colchonete|halter|halteres|elástico de exercício|corda de pular / de yogamatte|hantel|hanteln|kurzhantel|widerstandsband|springseil|fitnessmatte / ja ヨガマット|ダンベル|ケトルベル|トレーニングチューブ|縄跳び / ms tikar yoga|dumbel|tali lompat|tali skipping',
    { weight: 1.4, gloss: 'athletics gymnastics equipment' },
  ),
  word(
    '950662 950669',
    'en football|soccer ball|basketball|volleyball|ball|rugby ball / zh 足球|篮球|排球 / pt bola|bola de futebol|bola de basquete|bola de vôlei / de fußball|basketball|volleyball|ball / ja サッカーボール|バスケットボール|バレーボール|ボール / ms bola|bola sepak|bola keranjang|bola tampar',
    { weight: 1.3, gloss: 'balls inflatable' },
  ),
  word(
    '950651',
    'en tennis racket|tennis racquet / zh 网球拍 / pt raquete de tênis|raquete de tenis / de tennisschläger / ja テニスラケット / ms raket tenis',
    { weight: 1.55, gloss: 'lawn-tennis rackets' },
  ),
  word(
    '950659',
    'en badminton racket|racket|racquet|squash racket / zh 羽毛球拍|球拍 / pt raquete|raquete de badminton / de badmintonschläger|schläger / ja バドミントンラケット|ラケット / ms raket|raket badminton',
    { weight: 1.4, gloss: 'badminton rackets' },
  ),
  word(
    '950640',
    'en table tennis|ping pong|table tennis paddle|table tennis bat / zh 乒乓球拍|乒乓球 / pt tênis de mesa|pingue-pongue|raquete de ping pong / de tischtennis|tischtennisschläger|tischtennisball / ja 卓球|卓球ラケット / ms ping pong|pingpong|raket ping pong',
    { weight: 1.65, gloss: 'table-tennis' },
  ),
  word('950632', 'en golf balls|golf ball / zh 高尔夫球 / pt bola de golfe / de golfbälle|golfball / ja ゴルフボール / ms bola golf', {
    weight: 1.65,
    gloss: 'golf balls',
  }),
  word(
    '950631 950639',
    'en golf club|golf clubs|golf driver|putter / zh 高尔夫球杆 / pt taco de golfe / de golfschläger / ja ゴルフクラブ / ms kayu golf',
    { weight: 1.6, gloss: 'golf clubs' },
  ),
  word(
    '950670',
    'en skates|inline skates|roller skates|ice skates|rollerblades / zh 轮滑鞋|溜冰鞋|旱冰鞋 / pt patins|patins inline / de inlineskates|inliner|rollschuhe|schlittschuhe / ja インラインスケート|スケート靴|ローラースケート / ms kasut roda|kasut luncur',
    { weight: 1.55, gloss: 'skates' },
  ),
  word(
    '950710',
    'en fishing rod|fishing pole / zh 鱼竿|钓鱼竿|钓竿 / pt vara de pesca / de angelrute / ja 釣り竿|ロッド / ms joran|joran pancing',
    { weight: 1.5, gloss: 'fishing rods' },
  ),
  word(
    '950730',
    'en fishing reel|spinning reel|reel / zh 渔轮|鱼线轮|纺车轮 / pt molinete|carretilha / de angelrolle|rolle / ja リール / ms kekili',
    { weight: 1.5, gloss: 'fishing reels' },
  ),
  word('630622 630629', 'en tent|camping tent / zh 帐篷 / pt barraca|barraca de camping / de zelt|campingzelt / ja テント / ms khemah', {
    weight: 1.4,
    gloss: 'tents',
  }),
  word('940430', 'en sleeping bag / zh 睡袋 / pt saco de dormir / de schlafsack / ja 寝袋|シュラフ / ms beg tidur', {
    weight: 1.65,
    gloss: 'sleeping bags',
  }),
  word(
    '871200',
    'en bicycle|bike|mountain bike|road bike|folding bike / zh 自行车|单车|山地车|公路车|折叠车 / pt bicicleta|bike / de fahrrad|mountainbike|rennrad|klapprad / ja 自転車|ロードバイク|マウンテンバイク / ms basikal|basikal lipat',
    { weight: 1.35, gloss: 'bicycles' },
  ),
  word(
    '871500',
    'en stroller|pram|pushchair|baby carriage / zh 婴儿车|婴儿推车 / pt carrinho de bebê|carrinho de bebe / de kinderwagen|buggy / ja ベビーカー / ms kereta sorong bayi|stroller',
    { weight: 1.5, gloss: 'baby carriages' },
  ),
  word(
    '940120',
    'en car seat|child car seat|booster seat|baby car seat / zh 安全座椅|儿童座椅|儿童安全座椅 / pt cadeirinha|cadeirinha para carro|bebê conforto / de kindersitz|autositz|autokindersitz / ja チャイルドシート / ms kerusi keselamatan kanak-kanak|kerusi kereta',
    { weight: 1.5, gloss: 'seats motor vehicles' },
  ),
  word(
    '401110',
    'en tyre|tire|car tyre|car tire|tyres|tires / zh 轮胎|汽车轮胎 / pt pneu|pneus / de reifen|autoreifen|sommerreifen|winterreifen / ja タイヤ / ms tayar',
    { weight: 1.4, gloss: 'new pneumatic tyres motor cars' },
  ),
  word(
    '851240',
    'en wiper|wiper blade|wiper blades|windshield wiper|windscreen wiper / zh 雨刷|雨刮|雨刮器 / pt palheta|palhetas|limpador de para-brisa / de scheibenwischer|wischerblätter|wischblatt / ja ワイパー / ms wiper|pengelap cermin',
    { weight: 1.5, gloss: 'windscreen wipers' },
  ),
  word(
    '920290',
    'en guitar|acoustic guitar|ukulele|bass guitar / zh 吉他|尤克里里|民谣吉他 / pt violão|guitarra|ukulele|cavaquinho / de gitarre|akustikgitarre|ukulele|konzertgitarre / ja ギター|ウクレレ|アコースティックギター / ms gitar|ukulele|gitar akustik',
    { weight: 1.45, gloss: 'string instruments guitars' },
  ),
  word(
    '920710',
    'en digital piano|keyboard piano|electronic keyboard|synthesizer|electric piano / zh 电钢琴|电子琴 / pt piano digital|teclado musical / de digitalpiano|e-piano|keyboard klavier / ja 電子ピアノ|シンセサイザー / ms piano digital|papan kekunci muzik',
    { weight: 1.5, gloss: 'keyboard instruments electrically' },
  ),
  word(
    '960810',
    'en ballpoint pen|ball pen|pen|pens|gel pen|rollerball|ballpoint pens / zh 圆珠笔|中性笔|签字笔|笔|水笔 / pt caneta|caneta esferográfica|canetas / de kugelschreiber|stift|gelschreiber|kuli / ja ボールペン|ペン / ms pen|pen mata bulat',
    { weight: 1.3, gloss: 'ball point pens' },
  ),
  word('960830', 'en fountain pen / zh 钢笔 / pt caneta tinteiro / de füller|füllfederhalter / ja 万年筆 / ms pen dakwat|pen mata pena', {
    weight: 1.55,
    gloss: 'fountain pens',
  }),
  word(
    '960840',
    'en mechanical pencil|propelling pencil / zh 自动铅笔|活动铅笔 / pt lapiseira / de druckbleistift / ja シャープペンシル|シャーペン / ms pensel mekanikal|pensel mekanik',
    { weight: 1.55, gloss: 'propelling pencils' },
  ),
  word(
    '960910',
    'en pencil|pencils|colored pencils|coloured pencils|crayons / zh 铅笔|彩色铅笔|蜡笔 / pt lápis|lápis de cor / de bleistift|buntstifte|wachsmalstifte / ja 鉛筆|色鉛筆|クレヨン / ms pensel|pensel warna',
    { weight: 1.35, gloss: 'pencils' },
  ),
  word(
    '482020 482010',
    'en notebook|notebooks|journal|diary|notepad|planner|exercise book|sketchbook|memo pad / zh 笔记本|本子|日记本|记事本|手账 / pt caderno|agenda|bloco de notas|caderneta / de notizbuch|heft|tagebuch|notizblock|schulheft / ja ノート|手帳|メモ帳|スケッチブック / ms buku nota|buku latihan|diari|buku tulis',
    { weight: 1.3, gloss: 'exercise books' },
  ),
  word(
    '490199 490191 490300',
    'en book|books|novel|cookbook|textbook|paperback|picture book|comic|comic book|manga|guidebook|biography|hardcover book / zh 书|图书|书籍|小说|绘本|漫画|菜谱|教材 / pt livro|livros|romance|livro de receitas|mangá|quadrinhos|gibi|livro ilustrado / de buch|bücher|roman|kochbuch|bilderbuch|comic|manga|sachbuch / ja 書籍|小説|絵本|漫画|マンガ|レシピ本|文庫本|単行本 / ms buku|novel|komik|buku resipi|buku cerita',
    { weight: 1.25, gloss: 'books printed' },
  ),
  word(
    '490191',
    'en dictionary|encyclopedia|encyclopaedia / zh 词典|字典|辞典|百科全书 / pt dicionário|enciclopédia / de wörterbuch|lexikon / ja 辞書|辞典|事典 / ms kamus|ensiklopedia',
    { weight: 1.55, gloss: 'dictionaries encyclopaedias' },
  ),
  word(
    '490300',
    'en colouring book|coloring book|activity book|sticker book / zh 涂色书|填色本|涂鸦本 / pt livro de colorir|livro para colorir / de malbuch|ausmalbuch|stickerbuch / ja ぬりえ|塗り絵 / ms buku mewarna',
    { weight: 1.6, gloss: 'children picture drawing colouring books' },
  ),
  word(
    '491000',
    'en calendar|wall calendar|desk calendar / zh 日历|挂历|台历 / pt calendário / de kalender|wandkalender / ja カレンダー / ms kalendar',
    { weight: 1.45, gloss: 'calendars printed' },
  ),
  word(
    '490900',
    'en postcard|postcards|greeting card|greeting cards / zh 明信片|贺卡 / pt cartão postal|cartão de felicitações / de postkarte|grußkarte / ja ポストカード|絵葉書 / ms poskad|kad ucapan',
    { weight: 1.45, gloss: 'postcards greeting cards' },
  ),
] as const;
