/**
 * The kinds of goods people really buy across borders, from which every sandbox marketplace
 * seeds its catalog. HS codes are real 6-digit Harmonized System subheadings (WCO HS 2022
 * nomenclature, https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2022-edition.aspx).
 * Titles are given in each marketplace's language; `en` is the English title every offer carries.
 */
export type Language = 'en' | 'zh' | 'pt' | 'de' | 'ja' | 'ms';
export type Titles = Readonly<Record<Language, string>>;

export type Category = 'tea' | 'coffee' | 'silk-apparel' | 'phone-accessories' | 'cosmetics' | 'toys' | 'books' | 'crafts' | 'drinks';

export interface ProductArchetype {
  key: string;
  category: Category;
  hsCode: string;
  titles: Titles;
  /** Typical retail price in US cents; each marketplace prices in its own currency around it. */
  basePriceUsdCents: number;
  weightGrams: number;
  dimensionsCm: readonly [number, number, number];
  /** Contains a lithium battery: refused by most postal services. */
  lithiumBattery?: boolean;
}

const t = (en: string, zh: string, pt: string, de: string, ja: string, ms: string): Titles => ({ en, zh, pt, de, ja, ms });

export const PRODUCT_ARCHETYPES: readonly ProductArchetype[] = [
  {
    key: 'green-tea',
    category: 'tea',
    hsCode: '090210',
    titles: t('Green Tea', '绿茶', 'Chá Verde', 'Grüner Tee', '緑茶', 'Teh Hijau'),
    basePriceUsdCents: 1800,
    weightGrams: 250,
    dimensionsCm: [15, 10, 6],
  },
  {
    key: 'oolong-tea',
    category: 'tea',
    hsCode: '090230',
    titles: t('Oolong Tea', '乌龙茶', 'Chá Oolong', 'Oolong-Tee', '烏龍茶', 'Teh Oolong'),
    basePriceUsdCents: 2400,
    weightGrams: 250,
    dimensionsCm: [15, 10, 6],
  },
  {
    key: 'black-tea',
    category: 'tea',
    hsCode: '090230', // black tea in a 500 g retail pack: immediate packings of 3 kg or less
    titles: t('Black Tea', '红茶', 'Chá Preto', 'Schwarzer Tee', '紅茶', 'Teh Hitam'),
    basePriceUsdCents: 1500,
    weightGrams: 500,
    dimensionsCm: [18, 12, 8],
  },
  {
    key: 'matcha',
    category: 'tea',
    hsCode: '090210',
    titles: t('Matcha Green Tea Powder', '抹茶粉', 'Chá Matcha em Pó', 'Matcha-Teepulver', '抹茶パウダー', 'Serbuk Teh Matcha'),
    basePriceUsdCents: 3200,
    weightGrams: 100,
    dimensionsCm: [10, 8, 8],
  },
  {
    key: 'roasted-coffee',
    category: 'coffee',
    hsCode: '090121',
    titles: t(
      'Roasted Coffee Beans',
      '烘焙咖啡豆',
      'Café Torrado em Grãos',
      'Geröstete Kaffeebohnen',
      '焙煎コーヒー豆',
      'Biji Kopi Panggang',
    ),
    basePriceUsdCents: 2200,
    weightGrams: 1000,
    dimensionsCm: [25, 15, 8],
  },
  {
    key: 'ground-coffee',
    category: 'coffee',
    hsCode: '090121',
    titles: t('Ground Coffee', '咖啡粉', 'Café Moído', 'Gemahlener Kaffee', 'コーヒー粉', 'Kopi Kisar'),
    basePriceUsdCents: 1400,
    weightGrams: 500,
    dimensionsCm: [20, 12, 6],
  },
  {
    key: 'silk-scarf',
    category: 'silk-apparel',
    hsCode: '621410',
    titles: t('Silk Scarf', '真丝围巾', 'Lenço de Seda', 'Seidenschal', 'シルクスカーフ', 'Selendang Sutera'),
    basePriceUsdCents: 4500,
    weightGrams: 80,
    dimensionsCm: [20, 15, 2],
  },
  {
    key: 'silk-fabric',
    category: 'silk-apparel',
    hsCode: '500720',
    titles: t(
      'Silk Fabric by the Metre',
      '真丝面料',
      'Tecido de Seda (metro)',
      'Seidenstoff (Meterware)',
      'シルク生地',
      'Kain Sutera (meter)',
    ),
    basePriceUsdCents: 3000,
    weightGrams: 120,
    dimensionsCm: [30, 20, 2],
  },
  {
    key: 'cotton-tshirt',
    category: 'silk-apparel',
    hsCode: '610910',
    titles: t('Cotton T-Shirt', '纯棉T恤', 'Camiseta de Algodão', 'Baumwoll-T-Shirt', 'コットンTシャツ', 'Baju-T Kapas'),
    basePriceUsdCents: 1600,
    weightGrams: 200,
    dimensionsCm: [30, 25, 3],
  },
  {
    key: 'knit-sweater',
    category: 'silk-apparel',
    hsCode: '611020',
    titles: t('Knit Cotton Sweater', '针织毛衣', 'Suéter de Tricô', 'Strickpullover', 'ニットセーター', 'Baju Sejuk Kait'),
    basePriceUsdCents: 3800,
    weightGrams: 450,
    dimensionsCm: [35, 28, 6],
  },
  {
    key: 'phone-case',
    category: 'phone-accessories',
    hsCode: '392690',
    titles: t('Phone Case', '手机壳', 'Capinha de Celular', 'Handyhülle', 'スマホケース', 'Sarung Telefon'),
    basePriceUsdCents: 900,
    weightGrams: 40,
    dimensionsCm: [17, 9, 2],
  },
  {
    key: 'usb-c-charger',
    category: 'phone-accessories',
    hsCode: '850440',
    titles: t(
      'USB-C Fast Charger',
      'USB-C快充充电器',
      'Carregador Rápido USB-C',
      'USB-C-Schnellladegerät',
      'USB-C急速充電器',
      'Pengecas Pantas USB-C',
    ),
    basePriceUsdCents: 1900,
    weightGrams: 90,
    dimensionsCm: [8, 6, 4],
  },
  {
    key: 'earphones',
    category: 'phone-accessories',
    hsCode: '851830',
    titles: t(
      'Wireless Earphones',
      '无线耳机',
      'Fones de Ouvido sem Fio',
      'Kabellose Ohrhörer',
      'ワイヤレスイヤホン',
      'Fon Telinga Tanpa Wayar',
    ),
    basePriceUsdCents: 3500,
    weightGrams: 60,
    dimensionsCm: [9, 7, 4],
    lithiumBattery: true,
  },
  {
    key: 'power-bank',
    category: 'phone-accessories',
    hsCode: '850760',
    titles: t(
      'Power Bank 10000 mAh',
      '充电宝10000毫安',
      'Carregador Portátil 10000 mAh',
      'Powerbank 10000 mAh',
      'モバイルバッテリー10000mAh',
      'Power Bank 10000 mAh',
    ),
    basePriceUsdCents: 2500,
    weightGrams: 220,
    dimensionsCm: [14, 7, 2],
    lithiumBattery: true,
  },
  {
    key: 'usb-cable',
    category: 'phone-accessories',
    hsCode: '854442',
    titles: t(
      'Braided USB-C Cable',
      '编织USB-C数据线',
      'Cabo USB-C Trançado',
      'Geflochtenes USB-C-Kabel',
      '編み込みUSB-Cケーブル',
      'Kabel USB-C Anyaman',
    ),
    basePriceUsdCents: 700,
    weightGrams: 50,
    dimensionsCm: [12, 8, 3],
  },
  {
    key: 'lipstick',
    category: 'cosmetics',
    hsCode: '330410',
    titles: t('Matte Lipstick', '哑光口红', 'Batom Matte', 'Matter Lippenstift', 'マットリップスティック', 'Gincu Matte'),
    basePriceUsdCents: 1200,
    weightGrams: 30,
    dimensionsCm: [9, 3, 3],
  },
  {
    key: 'face-cream',
    category: 'cosmetics',
    hsCode: '330499',
    titles: t(
      'Moisturising Face Cream',
      '保湿面霜',
      'Creme Facial Hidratante',
      'Feuchtigkeitscreme',
      '保湿フェイスクリーム',
      'Krim Muka Pelembap',
    ),
    basePriceUsdCents: 2800,
    weightGrams: 120,
    dimensionsCm: [8, 8, 6],
  },
  {
    key: 'sheet-mask',
    category: 'cosmetics',
    hsCode: '330499',
    titles: t(
      'Sheet Face Masks (10 pack)',
      '面膜10片装',
      'Máscaras Faciais (10 un.)',
      'Tuchmasken (10 Stück)',
      'シートマスク10枚入り',
      'Topeng Muka Helaian (10 keping)',
    ),
    basePriceUsdCents: 1500,
    weightGrams: 250,
    dimensionsCm: [20, 15, 3],
  },
  {
    key: 'building-blocks',
    category: 'toys',
    hsCode: '950300',
    titles: t('Building Blocks Set', '积木套装', 'Kit de Blocos de Montar', 'Bausteine-Set', 'ブロックセット', 'Set Blok Binaan'),
    basePriceUsdCents: 2900,
    weightGrams: 700,
    dimensionsCm: [30, 22, 8],
  },
  {
    key: 'plush-toy',
    category: 'toys',
    hsCode: '950300',
    titles: t('Plush Toy', '毛绒玩具', 'Pelúcia', 'Plüschtier', 'ぬいぐるみ', 'Anak Patung Lembut'),
    basePriceUsdCents: 1700,
    weightGrams: 300,
    dimensionsCm: [25, 20, 15],
  },
  {
    key: 'picture-book',
    category: 'books',
    hsCode: '490199',
    titles: t('Illustrated Picture Book', '绘本', 'Livro Ilustrado', 'Bilderbuch', '絵本', 'Buku Bergambar'),
    basePriceUsdCents: 1300,
    weightGrams: 400,
    dimensionsCm: [25, 20, 2],
  },
  {
    key: 'cookbook',
    category: 'books',
    hsCode: '490199',
    titles: t(
      'Regional Cookbook',
      '地方菜谱',
      'Livro de Receitas Regionais',
      'Regionales Kochbuch',
      '郷土料理レシピ本',
      'Buku Resipi Tempatan',
    ),
    basePriceUsdCents: 2400,
    weightGrams: 800,
    dimensionsCm: [26, 20, 3],
  },
  {
    key: 'wooden-carving',
    category: 'crafts',
    hsCode: '442019', // HS 2022 split statuettes and ornaments of wood out of 4420.10 (not tropical wood here)
    titles: t(
      'Hand-Carved Wooden Ornament',
      '手工木雕摆件',
      'Enfeite de Madeira Entalhado',
      'Handgeschnitzte Holzfigur',
      '手彫り木製置物',
      'Hiasan Kayu Ukiran Tangan',
    ),
    basePriceUsdCents: 3600,
    weightGrams: 500,
    dimensionsCm: [20, 12, 12],
  },
  {
    key: 'ceramic-teacup',
    category: 'crafts',
    hsCode: '691200',
    titles: t(
      'Handmade Ceramic Teacup',
      '手工陶瓷茶杯',
      'Xícara de Cerâmica Artesanal',
      'Handgemachte Keramik-Teetasse',
      '手作り陶器の湯呑み',
      'Cawan Teh Seramik Buatan Tangan',
    ),
    basePriceUsdCents: 2100,
    weightGrams: 350,
    dimensionsCm: [12, 12, 10],
  },
  {
    key: 'woven-basket',
    category: 'crafts',
    hsCode: '460212', // basketwork of rattan has its own subheading since HS 2017
    titles: t('Woven Rattan Basket', '藤编篮', 'Cesto de Vime Trançado', 'Geflochtener Rattankorb', '籐編みかご', 'Bakul Rotan Anyaman'),
    basePriceUsdCents: 2700,
    weightGrams: 600,
    dimensionsCm: [30, 30, 20],
  },
];

/** Variations that make one archetype into many listings. */
/**
 * Goods that borders restrict (lithium cells alone, wine), listed by a few marketplaces on top of
 * their seeded catalog (`SeedOptions.restrictedGoods`) rather than drawn at random, so every other
 * listing stays what it was.
 */
export const RESTRICTED_ARCHETYPES: readonly ProductArchetype[] = [
  {
    key: 'lithium-battery',
    category: 'phone-accessories',
    hsCode: '850760', // lithium-ion accumulators
    titles: t(
      '18650 Lithium Battery 3400 mAh 2-Pack',
      '18650锂电池 3400毫安 2节装',
      'Bateria de Lítio 18650 3400 mAh 2 Unidades',
      '18650 Lithium-Akku 3400 mAh 2er-Pack',
      '18650リチウム電池 3400mAh 2本組',
      'Bateri Litium 18650 3400 mAh 2 Biji',
    ),
    basePriceUsdCents: 1200,
    weightGrams: 100,
    dimensionsCm: [7, 4, 2],
    lithiumBattery: true,
  },
  {
    key: 'riesling-wine',
    category: 'drinks',
    hsCode: '220421', // wine of fresh grapes in containers of 2 l or less
    titles: t(
      'Riesling White Wine 0.75 l',
      '雷司令白葡萄酒 750毫升',
      'Vinho Branco Riesling 750 ml',
      'Riesling Weißwein 0,75 l',
      'リースリング白ワイン 750ml',
      'Wain Putih Riesling 750 ml',
    ),
    basePriceUsdCents: 1600,
    weightGrams: 1300,
    dimensionsCm: [33, 9, 9],
  },
];

export const STYLES: readonly Titles[] = [
  t('Classic', '经典', 'Clássico', 'Klassisch', 'クラシック', 'Klasik'),
  t('Premium', '优质', 'Premium', 'Premium', 'プレミアム', 'Premium'),
  t('Handmade', '手工', 'Artesanal', 'Handgemacht', '手作り', 'Buatan Tangan'),
  t('Organic', '有机', 'Orgânico', 'Bio', 'オーガニック', 'Organik'),
  t('Gift Edition', '礼盒装', 'Edição Presente', 'Geschenkausgabe', 'ギフト版', 'Edisi Hadiah'),
  t('Traditional', '传统', 'Tradicional', 'Traditionell', '伝統の', 'Tradisional'),
  t('Everyday', '日常', 'Dia a Dia', 'Alltags', '毎日の', 'Harian'),
  t('Limited', '限量', 'Limitado', 'Limitiert', '限定', 'Terhad'),
];
