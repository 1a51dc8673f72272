"""The demo marketplace as data: producers from Thanh Hóa, Hà Nội and Nghệ An and their goods.

Province and commune codes are the official post-2025 codes (backend/accounts/data).
``product_set`` is the OCOP product-set number (1-26, Decision 148/QĐ-TTg).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoProducer:
    slug: str
    name: str
    legal_name: str
    legal_form: str
    tax_code: str
    province_code: str
    commune_code: str
    street_address: str
    phone: str
    description: str


@dataclass(frozen=True)
class DemoVariant:
    name: str
    sku: str
    price: int
    weight_grams: int
    stock: int
    gtin: str = ""


@dataclass(frozen=True)
class DemoProduct:
    producer: str
    slug: str
    name: str
    name_en: str
    product_set: int
    description: str
    variants: tuple[DemoVariant, ...] = field(default_factory=tuple)


PRODUCERS: tuple[DemoProducer, ...] = (
    DemoProducer(
        "htx-nem-chua-dong-son",
        "Nem chua Đông Sơn",
        "Hợp tác xã Nem chua Đông Sơn",
        "hop_tac_xa",
        "2801234567",
        "38",
        "16378",
        "Thôn Văn Khê",
        "+84912000001",
        "Hợp tác xã làm nem chua theo công thức truyền thống của vùng Đông Sơn, Thanh Hóa.",
    ),
    DemoProducer(
        "mam-tep-hoang-hoa",
        "Mắm tép Hoằng Hóa",
        "Hộ kinh doanh Lê Thị Hoa",
        "ho_kinh_doanh",
        "2801234568",
        "38",
        "15865",
        "Làng chài Hoằng Trường",
        "+84912000002",
        "Mắm tép chưng thịt và mắm tôm ủ chượp từ tép biển Hoằng Hóa.",
    ),
    DemoProducer(
        "che-lam-nhu-thanh",
        "Chè lam Như Thanh",
        "Hộ kinh doanh Trần Văn Lam",
        "ho_kinh_doanh",
        "2801234569",
        "38",
        "16228",
        "Thôn Đồng Mười",
        "+84912000003",
        "Chè lam, bánh gai và kẹo lạc làm thủ công từ gạo nếp cái hoa vàng.",
    ),
    DemoProducer(
        "mat-ong-thuong-xuan",
        "Mật ong rừng Thọ Xuân",
        "Hợp tác xã Nuôi ong Thọ Xuân",
        "hop_tac_xa",
        "2801234570",
        "38",
        "15499",
        "Thôn Xuân Phong",
        "+84912000004",
        "Mật ong rừng và mật ong hoa nhãn từ đàn ong nuôi tự nhiên ở miền tây Thanh Hóa.",
    ),
    DemoProducer(
        "coi-nga-son",
        "Cói Nga Sơn",
        "Công ty TNHH Thủ công Cói Nga Sơn",
        "doanh_nghiep",
        "2801234571",
        "38",
        "16093",
        "Khu công nghiệp Nga Sơn",
        "+84912000005",
        "Chiếu cói, túi cói và đồ trang trí đan tay từ cói Nga Sơn.",
    ),
    DemoProducer(
        "gao-thieu-hoa",
        "Gạo Thiệu Hóa",
        "Hợp tác xã Nông nghiệp Thiệu Hóa",
        "hop_tac_xa",
        "2801234572",
        "38",
        "15772",
        "Thôn Thiệu Tâm",
        "+84912000006",
        "Gạo nếp cái hoa vàng và gạo tám thơm trồng theo VietGAP.",
    ),
    DemoProducer(
        "gom-bat-trang",
        "Gốm Bát Tràng",
        "Hộ kinh doanh Nguyễn Văn Gốm",
        "ho_kinh_doanh",
        "0101234573",
        "01",
        "00577",
        "Xóm 3, làng gốm Bát Tràng",
        "+84912000007",
        "Gốm men lam, men rạn làm tại lò gia đình ở làng Bát Tràng.",
    ),
    DemoProducer(
        "che-thanh-chuong",
        "Chè xanh Nam Đàn",
        "Hợp tác xã Chè Nam Đàn",
        "hop_tac_xa",
        "2901234574",
        "40",
        "17935",
        "Thôn Kim Liên",
        "+84912000008",
        "Chè xanh, chè búp khô và trà thảo mộc từ đồi chè Nghệ An.",
    ),
    DemoProducer(
        "nuoc-mam-quynh-luu",
        "Nước mắm Quỳnh Lưu",
        "Công ty Cổ phần Hải sản Quỳnh Lưu",
        "doanh_nghiep",
        "2901234575",
        "40",
        "17179",
        "Xóm Phú Lợi",
        "+84912000009",
        "Nước mắm cá cơm ủ chượp truyền thống 12 tháng.",
    ),
)


def _v(name: str, sku: str, price: int, grams: int, stock: int, gtin: str = "") -> DemoVariant:
    return DemoVariant(name, sku, price, grams, stock, gtin)


PRODUCTS: tuple[DemoProduct, ...] = (
    DemoProduct(
        "htx-nem-chua-dong-son",
        "nem-chua-thanh-hoa",
        "Nem chua Thanh Hóa",
        "Thanh Hoa fermented pork roll",
        8,
        "Nem chua gói lá chuối, lên men tự nhiên 3 ngày, vị chua thanh, cay nhẹ.",
        (
            _v("Chục 10 cái", "NEM-10", 45000, 500, 200, "8931234567897"),
            _v("Hộp 50 cái", "NEM-50", 210000, 2500, 60),
        ),
    ),
    DemoProduct(
        "htx-nem-chua-dong-son",
        "nem-chua-ran",
        "Nem chua rán Đông Sơn",
        "Dong Son fried fermented pork",
        5,
        "Nem chua tẩm bột chiên giòn, đóng gói cấp đông.",
        (_v("Túi 500 g", "NEMRAN-500", 85000, 500, 120),),
    ),
    DemoProduct(
        "htx-nem-chua-dong-son",
        "nem-thinh",
        "Nem thính Đông Sơn",
        "Dong Son pork with roasted rice powder",
        8,
        "Nem thính thịt lợn trộn thính gạo rang, gói lá ổi.",
        (_v("Gói 300 g", "NEMTHINH-300", 60000, 300, 80),),
    ),
    DemoProduct(
        "mam-tep-hoang-hoa",
        "mam-tep-chung-thit",
        "Mắm tép chưng thịt Hoằng Hóa",
        "Hoang Hoa shrimp paste with pork",
        9,
        "Mắm tép biển chưng thịt ba chỉ, hũ thủy tinh.",
        (
            _v("Hũ 250 g", "MAMTEP-250", 65000, 350, 150),
            _v("Hũ 500 g", "MAMTEP-500", 120000, 650, 90),
        ),
    ),
    DemoProduct(
        "mam-tep-hoang-hoa",
        "mam-tom-hoang-truong",
        "Mắm tôm Hoằng Trường",
        "Hoang Truong shrimp paste",
        9,
        "Mắm tôm ủ chượp 6 tháng từ tôm moi tươi.",
        (_v("Chai 500 ml", "MAMTOM-500", 55000, 600, 140),),
    ),
    DemoProduct(
        "mam-tep-hoang-hoa",
        "ca-thu-mot-nang",
        "Cá thu một nắng",
        "Sun-dried mackerel",
        8,
        "Cá thu biển phơi một nắng, hút chân không.",
        (_v("Gói 500 g", "CATHU-500", 180000, 550, 40),),
    ),
    DemoProduct(
        "che-lam-nhu-thanh",
        "che-lam-thanh-hoa",
        "Chè lam Thanh Hóa",
        "Thanh Hoa ginger rice cake",
        6,
        "Chè lam gạo nếp, mật mía, gừng và lạc rang.",
        (_v("Hộp 300 g", "CHELAM-300", 40000, 350, 180),),
    ),
    DemoProduct(
        "che-lam-nhu-thanh",
        "banh-gai-tu-tru",
        "Bánh gai Tứ Trụ",
        "Tu Tru ramie leaf cake",
        6,
        "Bánh gai nhân đậu xanh, dừa, hạt sen.",
        (_v("Hộp 10 cái", "BANHGAI-10", 70000, 800, 100),),
    ),
    DemoProduct(
        "che-lam-nhu-thanh",
        "keo-lac-nhu-thanh",
        "Kẹo lạc Như Thanh",
        "Nhu Thanh peanut brittle",
        6,
        "Kẹo lạc mật mía giòn, ít ngọt.",
        (_v("Gói 250 g", "KEOLAC-250", 30000, 260, 220),),
    ),
    DemoProduct(
        "mat-ong-thuong-xuan",
        "mat-ong-rung",
        "Mật ong rừng Thọ Xuân",
        "Tho Xuan wild forest honey",
        4,
        "Mật ong rừng nguyên chất, thu hoạch thủ công mùa hoa.",
        (
            _v("Chai 500 ml", "MATONG-500", 250000, 700, 75),
            _v("Chai 1 lít", "MATONG-1000", 460000, 1400, 40),
        ),
    ),
    DemoProduct(
        "mat-ong-thuong-xuan",
        "mat-ong-hoa-nhan",
        "Mật ong hoa nhãn",
        "Longan blossom honey",
        4,
        "Mật ong hoa nhãn vàng sánh, thơm dịu.",
        (_v("Chai 500 ml", "MATNHAN-500", 180000, 700, 90),),
    ),
    DemoProduct(
        "mat-ong-thuong-xuan",
        "phan-hoa-ong",
        "Phấn hoa ong",
        "Bee pollen",
        18,
        "Phấn hoa ong sấy lạnh, giàu đạm và vitamin.",
        (_v("Hũ 200 g", "PHANHOA-200", 150000, 260, 60),),
    ),
    DemoProduct(
        "mat-ong-thuong-xuan",
        "sap-ong-thien-nhien",
        "Sáp ong thiên nhiên",
        "Natural beeswax",
        20,
        "Sáp ong nguyên chất dùng làm nến và mỹ phẩm.",
        (_v("Khối 250 g", "SAPONG-250", 90000, 260, 50),),
    ),
    DemoProduct(
        "coi-nga-son",
        "chieu-coi-nga-son",
        "Chiếu cói Nga Sơn",
        "Nga Son sedge mat",
        21,
        "Chiếu cói dệt tay, nhuộm màu tự nhiên.",
        (
            _v("1,6 m x 2 m", "CHIEU-16", 350000, 2000, 30),
            _v("1,8 m x 2 m", "CHIEU-18", 420000, 2300, 25),
        ),
    ),
    DemoProduct(
        "coi-nga-son",
        "tui-coi-dan-tay",
        "Túi cói đan tay",
        "Hand-woven sedge bag",
        22,
        "Túi cói thời trang đan tay, quai da.",
        (_v("Cỡ vừa", "TUICOI-M", 185000, 400, 70),),
    ),
    DemoProduct(
        "coi-nga-son",
        "hop-coi-trang-tri",
        "Hộp cói trang trí",
        "Decorative sedge box",
        21,
        "Bộ 3 hộp cói đựng đồ, nắp đậy.",
        (_v("Bộ 3 hộp", "HOPCOI-3", 160000, 900, 45),),
    ),
    DemoProduct(
        "coi-nga-son",
        "tham-coi",
        "Thảm cói tròn",
        "Round sedge rug",
        21,
        "Thảm cói tròn đường kính 90 cm.",
        (_v("90 cm", "THAMCOI-90", 240000, 1500, 20),),
    ),
    DemoProduct(
        "gao-thieu-hoa",
        "gao-nep-cai-hoa-vang",
        "Gạo nếp cái hoa vàng",
        "Golden-flower glutinous rice",
        3,
        "Nếp cái hoa vàng hạt tròn, dẻo thơm, trồng theo VietGAP.",
        (_v("Túi 2 kg", "NEP-2KG", 90000, 2000, 300), _v("Túi 5 kg", "NEP-5KG", 210000, 5000, 120)),
    ),
    DemoProduct(
        "gao-thieu-hoa",
        "gao-tam-thom",
        "Gạo tám thơm Thiệu Hóa",
        "Thieu Hoa fragrant rice",
        3,
        "Gạo tám thơm hạt dài, cơm mềm.",
        (_v("Túi 5 kg", "TAM-5KG", 150000, 5000, 200),),
    ),
    DemoProduct(
        "gao-thieu-hoa",
        "banh-da-ke",
        "Bánh đa kê",
        "Millet rice cracker",
        6,
        "Bánh đa kê giòn, kê vàng và đường phên.",
        (_v("Gói 5 chiếc", "BANHDA-5", 35000, 300, 150),),
    ),
    DemoProduct(
        "gom-bat-trang",
        "bo-am-chen-men-lam",
        "Bộ ấm chén men lam",
        "Blue-glaze tea set",
        21,
        "Bộ ấm chén men lam vẽ tay, 6 chén.",
        (_v("Bộ 6 chén", "AMCHEN-6", 550000, 1800, 25),),
    ),
    DemoProduct(
        "gom-bat-trang",
        "binh-hoa-men-ran",
        "Bình hoa men rạn",
        "Crackle-glaze vase",
        21,
        "Bình hoa men rạn cổ, cao 30 cm.",
        (_v("Cao 30 cm", "BINH-30", 480000, 2200, 15),),
    ),
    DemoProduct(
        "gom-bat-trang",
        "dia-gom-trang-tri",
        "Đĩa gốm trang trí",
        "Decorative ceramic plate",
        21,
        "Đĩa gốm vẽ cảnh làng quê, đường kính 25 cm.",
        (_v("25 cm", "DIA-25", 220000, 900, 35),),
    ),
    DemoProduct(
        "gom-bat-trang",
        "coc-su-ve-tay",
        "Cốc sứ vẽ tay",
        "Hand-painted porcelain mug",
        21,
        "Cốc sứ vẽ tay hoa sen, 350 ml.",
        (_v("350 ml", "COC-350", 120000, 400, 60),),
    ),
    DemoProduct(
        "che-thanh-chuong",
        "che-xanh-nam-dan",
        "Chè xanh Nam Đàn",
        "Nam Dan green tea",
        11,
        "Chè búp xanh sao tay, nước xanh, hậu ngọt.",
        (
            _v("Gói 200 g", "CHEXANH-200", 95000, 220, 130),
            _v("Gói 500 g", "CHEXANH-500", 220000, 520, 60),
        ),
    ),
    DemoProduct(
        "che-thanh-chuong",
        "tra-sen-kim-lien",
        "Trà sen Kim Liên",
        "Kim Lien lotus tea",
        12,
        "Trà ướp hoa sen quê Bác, hộp quà.",
        (_v("Hộp 100 g", "TRASEN-100", 180000, 250, 50),),
    ),
    DemoProduct(
        "che-thanh-chuong",
        "tra-gung-mat-ong",
        "Trà gừng mật ong",
        "Ginger honey tea",
        12,
        "Trà gừng hòa tan với mật ong rừng.",
        (_v("Hộp 20 gói", "TRAGUNG-20", 65000, 300, 110),),
    ),
    DemoProduct(
        "che-thanh-chuong",
        "tinh-dau-sa-chanh",
        "Tinh dầu sả chanh",
        "Lemongrass essential oil",
        20,
        "Tinh dầu sả chanh chưng cất nguyên chất.",
        (_v("Chai 50 ml", "TINHDAU-50", 85000, 120, 90),),
    ),
    DemoProduct(
        "nuoc-mam-quynh-luu",
        "nuoc-mam-ca-com",
        "Nước mắm cá cơm Quỳnh Lưu",
        "Quynh Luu anchovy fish sauce",
        9,
        "Nước mắm cốt cá cơm 40 độ đạm, ủ chượp 12 tháng trong thùng gỗ.",
        (
            _v("Chai 500 ml", "NUOCMAM-500", 95000, 700, 180),
            _v("Can 2 lít", "NUOCMAM-2L", 320000, 2400, 50),
        ),
    ),
    DemoProduct(
        "nuoc-mam-quynh-luu",
        "muoi-tom-nghe-an",
        "Muối tôm Nghệ An",
        "Nghe An shrimp salt",
        10,
        "Muối tôm ớt rang khô, chấm hoa quả.",
        (_v("Hũ 200 g", "MUOITOM-200", 35000, 260, 200),),
    ),
    DemoProduct(
        "nuoc-mam-quynh-luu",
        "ruoc-tom",
        "Ruốc tôm Quỳnh Lưu",
        "Quynh Luu shrimp floss",
        8,
        "Ruốc tôm biển sấy khô, không phẩm màu.",
        (_v("Hũ 200 g", "RUOCTOM-200", 140000, 260, 70),),
    ),
    DemoProduct(
        "nuoc-mam-quynh-luu",
        "ca-com-say",
        "Cá cơm sấy giòn",
        "Crispy dried anchovies",
        8,
        "Cá cơm sấy giòn tẩm mè, ăn liền.",
        (_v("Gói 250 g", "CACOM-250", 75000, 280, 90),),
    ),
)
