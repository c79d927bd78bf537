import { word } from './productWord.js';

/** Phones, computers and their accessories, audio, cameras, drones, consoles (84, 85, 88, 95). */
export const ELECTRONICS_WORDS = [
  word(
    '851713 851714',
    'en smartphone|mobile phone|cell phone|cellphone|phone|iphone|android phone / zh 手机|智能手机 / pt smartphone|celular|telemóvel / de smartphone|handy|mobiltelefon / ja スマートフォン|スマホ|携帯電話 / ms telefon pintar|telefon bimbit|handphone|telefon',
    { weight: 1.05, gloss: 'smartphones telephone' },
  ),
  word(
    '851830',
    'en headphones|headphone|earphones|earbuds|headset|earpods|in-ear|over-ear headphones|true wireless / zh 耳机|蓝牙耳机|头戴式耳机 / pt fone de ouvido|fones de ouvido|fone|headphone|headset / de kopfhörer|ohrhörer|in-ear|headset / ja イヤホン|ヘッドホン|ヘッドフォン|ヘッドセット / ms fon telinga|fon kepala|earphone|earbud',
    { weight: 1.3, gloss: 'headphones earphones' },
  ),
  word(
    '851822 851821',
    'en speaker|bluetooth speaker|loudspeaker|soundbar|smart speaker / zh 音箱|音响|蓝牙音箱 / pt caixa de som|alto-falante / de lautsprecher|soundbar|bluetooth-lautsprecher / ja スピーカー / ms pembesar suara|speaker',
    { weight: 1.3, gloss: 'loudspeakers' },
  ),
  word(
    '850440',
    'en charger|wall charger|power adapter|charging pad|wireless charger|ac adapter|fast charger|charging station|usb charger / zh 充电器|充电头|适配器|无线充电器|快充头 / pt carregador|fonte|carregador turbo|carregador rápido / de ladegerät|netzteil|ladestation|schnellladegerät / ja 充電器|アダプター|急速充電器 / ms pengecas|pengecas telefon|pengecas pantas|adapter',
    { weight: 1.35, gloss: 'static converters' },
  ),
  word(
    '850760',
    'en power bank|powerbank|portable charger|battery pack|external battery / zh 充电宝|移动电源 / pt carregador portátil|bateria portátil|power bank|bateria externa / de powerbank|akkupack|zusatzakku / ja モバイルバッテリー / ms power bank|bank kuasa',
    { weight: 1.65, gloss: 'accumulators lithium-ion' },
  ),
  word(
    '850760 850610 850680',
    'en battery|batteries|rechargeable battery|lithium battery|li-ion battery / zh 电池|锂电池|充电电池 / pt bateria|pilha|pilhas / de akku|batterie|batterien / ja バッテリー|電池|充電池 / ms bateri',
    { weight: 1.1, gloss: 'accumulators' },
  ),
  word(
    '854442',
    'en cable|charging cable|usb cable|hdmi cable|data cable|lightning cable|cord|charger cable / zh 数据线|充电线|连接线|线材 / pt cabo|cabo usb|cabo de carregamento / de kabel|ladekabel|datenkabel / ja ケーブル|充電ケーブル / ms kabel|kabel pengecas|kabel data',
    { weight: 1.3, gloss: 'conductors fitted with connectors' },
  ),
  word(
    '847130',
    'en laptop|notebook computer|tablet|ipad|chromebook|macbook|notebook pc / zh 笔记本电脑|平板电脑|平板|电脑 / pt notebook|laptop|tablet / de laptop|notebook|tablet / ja ノートパソコン|ノートpc|タブレット|パソコン / ms komputer riba|laptop|tablet|komputer',
    { weight: 1.2, gloss: 'portable data processing machines', cues: 'gb|tb|ram|ssd|intel|core|ryzen|ghz|windows|cpu|内存|メモリ' },
  ),
  word(
    '847160',
    'en mouse|keyboard|computer mouse|gaming mouse|mechanical keyboard|wireless mouse / zh 鼠标|键盘|机械键盘|无线鼠标 / pt mouse|teclado|teclado mecânico / de maus|tastatur|gaming maus / ja マウス|キーボード / ms tetikus|papan kekunci',
    { weight: 1.2, gloss: 'input output units' },
  ),
  word(
    '852351 852359',
    'en usb flash drive|flash drive|thumb drive|usb stick|memory card|sd card|micro sd|pen drive / zh u盘|优盘|内存卡|存储卡|tf卡|闪存盘 / pt pen drive|pendrive|cartão de memória|cartão sd / de usb-stick|speicherkarte|sd-karte / ja usbメモリ|sdカード|メモリーカード / ms pemacu kilat|kad memori|pendrive',
    { weight: 1.45, gloss: 'solid-state non-volatile storage' },
  ),
  word(
    '880622 880621 880623',
    'en drone|quadcopter|fpv drone / zh 无人机|航拍器|航拍无人机 / pt drone / de drohne|quadrocopter / ja ドローン / ms dron',
    { weight: 1.45, gloss: 'unmanned aircraft remote-controlled' },
  ),
  word(
    '950450',
    'en game console|video game console|gaming console|controller|gamepad|joystick|handheld console / zh 游戏机|手柄|游戏手柄|掌机 / pt console|videogame|controle|controle de videogame|console portátil / de spielkonsole|controller|gamepad|konsole / ja ゲーム機|コントローラー|ゲームパッド / ms konsol permainan|konsol|pengawal permainan',
    { weight: 1.3, gloss: 'video game consoles' },
  ),
  word(
    '852589',
    'en camera|action camera|webcam|dashcam|dash cam|camcorder|digital camera|security camera / zh 相机|摄像头|运动相机|行车记录仪|摄像机 / pt câmera|camera|câmera digital|webcam / de kamera|webcam|actioncam|dashcam / ja カメラ|デジカメ|ウェブカメラ|アクションカメラ / ms kamera',
    { weight: 1.1, gloss: 'cameras' },
  ),
  word(
    '852872 852852',
    'en television|tv|smart tv|monitor|computer monitor / zh 电视|电视机|显示器 / pt televisão|smart tv|monitor / de fernseher|monitor|bildschirm / ja テレビ|モニター / ms televisyen|tv|monitor',
    { weight: 1.2, gloss: 'monitors television' },
  ),
  word(
    '852691 852692',
    'en gps|gps tracker / zh 定位器|gps定位器 / pt rastreador gps / de gps-tracker / ja gpsトラッカー / ms penjejak gps',
    { weight: 1.2, gloss: 'radio navigational' },
  ),
] as const;
